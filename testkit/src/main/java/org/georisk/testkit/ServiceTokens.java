package org.georisk.testkit;

import io.smallrye.jwt.build.Jwt;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.infra.ServiceKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Service tokens for tests, signed like the gateway signs them (docs/security.md). The key pair is generated at the
 * first test of a module under {@code target/service-token-keys} (never committed); {@link ServiceTokenConfigSource}
 * points the service under test (and the gateway's signer) at the same files.
 */
public final class ServiceTokens {

    /** Where a module's tests keep their key pair: its own target directory, created on first use. */
    public static final Path KEY_DIR = Path.of(System.getProperty("georisk.work.dir", "target"), "service-token-keys");

    private ServiceTokens() {
    }

    public static Path keyDir() {
        return ServiceKeys.ensure(KEY_DIR).toAbsolutePath();
    }

    /** {@code Bearer <token>} for {@code audience}, valid for a minute, as the gateway would send it. */
    public static String bearer(String audience, String principal, String role) {
        return "Bearer " + token(audience, principal, role);
    }

    public static String token(String audience, String principal, String role) {
        return sign(ServiceIdentity.ISSUER, audience, principal, role, Instant.now().plusSeconds(60), privateKey());
    }

    /** A token with every part chosen by the test: another issuer, an expiry in the past, a foreign key. */
    public static String sign(String issuer, String audience, String principal, String role, Instant expiresAt,
                              PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(Duration.ofMinutes(1)) : Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .upn(principal)
                .groups(role)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign(key);
    }

    public static PrivateKey privateKey() {
        return readPrivateKey(keyDir().resolve(ServiceKeys.PRIVATE_KEY));
    }

    public static PrivateKey readPrivateKey(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 key: " + pem, e);
        }
    }

    /** A key no service trusts: for the "signed by another key" refusals. */
    public static PrivateKey foreignKey() {
        return ServiceKeys.generate().getPrivate();
    }
}
