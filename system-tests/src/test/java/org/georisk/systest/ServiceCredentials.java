package org.georisk.systest;

import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.infra.ServiceKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every way of calling an internal service that must fail (docs/security.md): each entry is the headers an attacker on
 * the machine could send. Only the gateway's private key makes a token the services accept; the expired and
 * wrong-audience tokens are signed with that very key, so they show that the claims are checked, not just the
 * signature.
 */
final class ServiceCredentials {

    /** A named set of request headers, for the assertion messages. */
    record Attempt(String name, Map<String, String> headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ServiceCredentials() {
    }

    /** Refused attempts on {@code audience}'s service, claiming {@code principal} with {@code role}. */
    static List<Attempt> refused(GeoRiskSystem system, String audience, String principal, String role) {
        PrivateKey gatewayKey = readPrivateKey(system.keyDir().resolve(ServiceKeys.PRIVATE_KEY));
        PrivateKey otherKey = ServiceKeys.generate().getPrivate();
        String otherService = ServiceIdentity.INGEST.equals(audience) ? ServiceIdentity.NOTIFICATION : ServiceIdentity.INGEST;
        Instant inAMinute = Instant.now().plusSeconds(60);
        return List.of(
                new Attempt("forged headers", Map.of(HeaderNames.ROLE, role, HeaderNames.PRINCIPAL, principal)),
                new Attempt("no token", Map.of()),
                new Attempt("token signed by another key",
                        bearer(ServiceIdentity.ISSUER, audience, principal, role, inAMinute, otherKey)),
                new Attempt("expired token",
                        bearer(ServiceIdentity.ISSUER, audience, principal, role, Instant.now().minusSeconds(120), gatewayKey)),
                new Attempt("token for another service",
                        bearer(ServiceIdentity.ISSUER, otherService, principal, role, inAMinute, gatewayKey)),
                new Attempt("token of another issuer",
                        bearer("someone-else", audience, principal, role, inAMinute, gatewayKey)));
    }

    private static Map<String, String> bearer(String issuer, String audience, String principal, String role,
                                              Instant expiresAt, PrivateKey key) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("upn", principal);
        claims.put("groups", List.of(role));
        claims.put("iat", expiresAt.minusSeconds(60).getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        String token = rs256(claims, key);
        // the forged headers ride along: they must not help either
        return Map.of("Authorization", "Bearer " + token, HeaderNames.ROLE, role, HeaderNames.PRINCIPAL, principal);
    }

    /**
     * A compact RS256 JWT, made by hand so this module needs no JWT library (smallrye-jwt-build wants a JSON-P
     * implementation that only a Quarkus application brings along).
     */
    static String rs256(Map<String, Object> claims, PrivateKey key) {
        try {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = url.encodeToString(Gateway.JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey readPrivateKey(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
