package org.georisk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.infra.ServiceKeys;
import org.georisk.testkit.ServiceTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What {@link DownstreamStub} checks of the gateway's service token, as the services' smallrye-jwt does: RS256 by
 * testkit's key, issuer, the path's service as audience, not expired. Kept apart from the stub so the stub stays
 * about routing.
 */
final class StubTokenCheck {

    record Claims(String principal, String role, String audience) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StubTokenCheck() {
    }

    static String audienceOf(String path) {
        if (path.startsWith("/assessments")) {
            return ServiceIdentity.ASSESSMENT;
        }
        if (path.startsWith("/subscriptions") || path.startsWith("/deliveries") || path.startsWith("/alerts")) {
            return ServiceIdentity.NOTIFICATION;
        }
        return ServiceIdentity.INGEST;
    }

    static Optional<Claims> verify(String authorization, String audience) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        try {
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode aud = claims.path("aud");
            String tokenAudience = aud.isArray() ? aud.path(0).asText() : aud.asText();
            boolean valid = ServiceIdentity.ISSUER.equals(claims.path("iss").asText())
                    && audience.equals(tokenAudience)
                    && claims.path("exp").asLong() > Instant.now().getEpochSecond()
                    && claims.path("exp").asLong() <= Instant.now().plusSeconds(61).getEpochSecond();
            return valid
                    ? Optional.of(new Claims(claims.path("upn").asText(), claims.path("groups").path(0).asText(), tokenAudience))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static PublicKey publicKey() throws Exception {
        String pem = Files.readString(ServiceTokens.keyDir().resolve(ServiceKeys.PUBLIC_KEY));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
