package org.georisk.infra;

import java.util.Arrays;

/**
 * Creates the four service databases on a running PostgreSQL when they are missing.
 * Usage: {@code DatabasesMain [--recreate] [port]}; default port {@link PostgresLocator#port()} (GEORISK_PG_PORT,
 * else 5432). {@code --recreate} drops and creates them: the databases are projections of the Kafka log, so when
 * the log starts empty (a newly formatted broker) what they hold belongs to a log that no longer exists.
 */
public final class DatabasesMain {

    private DatabasesMain() {
    }

    public static void main(String[] args) {
        boolean recreate = Arrays.asList(args).contains("--recreate");
        int port = Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .map(Integer::parseInt).orElse(PostgresLocator.port());
        if (!PostgresLocator.answers(PostgresLocator.host(), port)) {
            System.err.println("no PostgreSQL answers on " + PostgresLocator.host() + ":" + port);
            System.exit(1);
        }
        for (String database : Databases.ALL) {
            if (recreate) {
                PostgresLocator.recreateDatabase(port, database);
            } else {
                PostgresLocator.createDatabase(port, database);
            }
        }
        System.out.println("GeoRisk databases " + (recreate ? "recreated (empty)" : "present") + " on "
                + PostgresLocator.host() + ":" + port + ": " + String.join(", ", Databases.ALL));
    }
}
