package org.georisk.notification.rest;

import org.georisk.contracts.Role;
import org.georisk.notification.service.ProblemException;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads the identity the gateway passes on (X-GeoRisk-Principal, X-GeoRisk-Role); this service trusts it. */
final class Callers {

    private Callers() {
    }

    static String requirePrincipal(String principal) {
        if (principal == null || principal.isBlank()) {
            throw ProblemException.unauthorized("The X-GeoRisk-Principal header is required.");
        }
        return principal.strip();
    }

    static void requireOps(String role) {
        if (role == null || !role.strip().toUpperCase(Locale.ROOT).equals(Role.OPS.name())) {
            throw ProblemException.forbidden("Only the ops role may do this.");
        }
    }

    /** A path id that is not a UUID names nothing: 404 rather than 400. */
    static UUID id(String text, String what) {
        return parse(text).orElseThrow(() -> ProblemException.notFound("No " + what + " " + text + "."));
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
