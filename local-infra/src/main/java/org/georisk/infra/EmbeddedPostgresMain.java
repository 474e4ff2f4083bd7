package org.georisk.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps an embedded PostgreSQL (zonky, real binaries from Maven Central) running for a machine without one,
 * with the four service databases created. Runs until SIGTERM, which stops the server.
 *
 * <pre>EmbeddedPostgresMain --data-dir .georisk/postgres [--port-file .georisk/run/postgres.port] [--port 5432]</pre>
 *
 * Takes the requested port (default 5432) when it is free, else any free port; either way the port is printed
 * and written to the port file once the databases exist, which is what callers wait for. The data directory
 * is kept between runs, so the databases survive a stop.
 */
public final class EmbeddedPostgresMain {

    public static final String READY_LINE = "GeoRisk embedded PostgreSQL ready";

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path dataDir = Path.of(".georisk", "postgres");
        Path portFile = null;
        int port = 5432;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // loopback only: it trusts every local connection, so nothing off the machine may reach it
                .setServerConfig("listen_addresses", PostgresLocator.LOOPBACK);
        if (!PostgresLocator.answers("127.0.0.1", port)) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Path announced = portFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (announced != null) {
                    Files.deleteIfExists(announced);
                }
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping the embedded PostgreSQL: " + e);
            } finally {
                stopped.countDown();
            }
        }, "georisk-postgres-stop"));

        Databases.createAll(postgres.getPort(), "");
        if (portFile != null) {
            Files.createDirectories(portFile.toAbsolutePath().getParent());
            Files.writeString(portFile, postgres.getPort() + "\n");
        }
        System.out.printf("%s on 127.0.0.1:%d (data %s), databases %s, in %d ms%n", READY_LINE, postgres.getPort(),
                dataDir.toAbsolutePath(), String.join(", ", Databases.ALL), (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }
}
