package org.georisk.notification.rest;

import jakarta.ws.rs.core.SecurityContext;
import org.georisk.notification.service.ProblemException;

import java.util.Optional;
import java.util.UUID;

/** The caller as the gateway's signed service token names it, and path ids. */
final class CallerIdentity {

    private CallerIdentity() {
    }

    /** The principal of the verified service token (its upn); @RolesAllowed has already refused anonymous calls. */
    static String principal(SecurityContext security) {
        return security.getUserPrincipal().getName();
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
