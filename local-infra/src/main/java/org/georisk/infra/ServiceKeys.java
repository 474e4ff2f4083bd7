package org.georisk.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair of the service tokens (docs/security.md): the gateway signs with {@link #PRIVATE_KEY}, the
 * services verify with {@link #PUBLIC_KEY}. Generated once per directory and kept, so a restart does not invalidate
 * tokens in flight; never part of the source tree (the local run keeps it under .georisk/jwt, tests under target/).
 */
public final class ServiceKeys {

    public static final String PRIVATE_KEY = "service-token-private.pem";
    public static final String PUBLIC_KEY = "service-token-public.pem";

    private ServiceKeys() {
    }

    /** Creates the pair in {@code dir} unless both files exist; returns {@code dir}. */
    public static Path ensure(Path dir) {
        if (present(dir)) {
            return dir;
        }
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Both files are written into a fresh directory that is then renamed into place: a reader (another test
            // JVM's class loader, a second start) sees the whole pair or none, never halves of two pairs.
            Path staging = Files.createTempDirectory(parent, dir.getFileName() + ".new-");
            KeyPair pair = generate();
            write(staging.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            write(staging.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lostTheRace) {
                if (!present(dir)) {
                    throw lostTheRace;
                }
                deleteStaging(staging);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(PRIVATE_KEY)) && Files.isRegularFile(dir.resolve(PUBLIC_KEY));
    }

    private static void deleteStaging(Path staging) throws IOException {
        Files.deleteIfExists(staging.resolve(PRIVATE_KEY));
        Files.deleteIfExists(staging.resolve(PUBLIC_KEY));
        Files.deleteIfExists(staging);
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    /** PKCS#8 (private) or X.509 SubjectPublicKeyInfo (public) DER as PEM, the form smallrye-jwt reads. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void write(Path target, String content, boolean ownerOnly) throws IOException {
        Files.writeString(target, content, StandardCharsets.US_ASCII);
        if (ownerOnly) {
            try {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
        }
    }
}
