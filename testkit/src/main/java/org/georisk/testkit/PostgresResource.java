package org.georisk.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.georisk.infra.PostgresLocator;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL database for one service's tests: the server on 127.0.0.1:5432 when it answers, else an
 * embedded one. The database {@code <database>_test} is dropped and created anew once per JVM, so every test
 * run starts from an empty schema that Flyway then migrates.
 * Usage: {@code @QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "georisk_ingest"))}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final java.util.Set<String> PREPARED = new java.util.HashSet<>();

    private String database = "georisk";

    @Override
    public void init(Map<String, String> initArgs) {
        // GEORISK_TEST_DB_SUFFIX keeps two test runs on one PostgreSQL apart (e.g. a CI check beside a developer's run).
        database = initArgs.getOrDefault("database", database) + "_test"
                + System.getenv().getOrDefault("GEORISK_TEST_DB_SUFFIX", "");
    }

    @Override
    public Map<String, String> start() {
        Path workDir = Path.of(System.getProperty("georisk.work.dir", "target"));
        int port = PostgresLocator.ensureServer(workDir.resolve("embedded-postgres"));
        synchronized (PREPARED) {
            if (PREPARED.add(database)) {
                PostgresLocator.recreateDatabase(port, database);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", PostgresLocator.jdbcUrl(port, database),
                "quarkus.datasource.username", PostgresLocator.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the database stays for the rest of this JVM's tests
    }
}
