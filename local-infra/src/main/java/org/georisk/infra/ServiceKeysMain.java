package org.georisk.infra;

import java.nio.file.Path;

/**
 * {@code ServiceKeysMain --dir D}: makes sure D holds the service-token key pair ({@link ServiceKeys}), generating it
 * on first use. {@code ./georisk start} runs it for .georisk/jwt; the system tests for their own directory.
 */
public final class ServiceKeysMain {

    private ServiceKeysMain() {
    }

    public static void main(String[] args) {
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if ("--dir".equals(args[i]) && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            }
        }
        if (dir == null) {
            System.err.println("usage: ServiceKeysMain --dir D");
            System.exit(2);
        }
        ServiceKeys.ensure(dir);
        System.out.println("service-token keys in " + dir.toAbsolutePath());
    }
}
