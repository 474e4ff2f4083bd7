package org.georisk.infra;

import java.util.Arrays;

/**
 * Creates the four service databases on a running PostgreSQL when they are missing.
 * Usage: {@code DatabasesMain [--recreate] [--suffix _cluster] [port]}; default port {@link PostgresLocator#port()} (GEORISK_PG_PORT,
 * else 5432). {@code --recreate} drops and creates them: the databases are projections of the Kafka log, so when
 * the log starts empty (a newly formatted broker) what they hold belongs to a log that no longer exists.
 * {@code --suffix} names a second set ({@code georisk_ingest_cluster}, ...): the local cluster's, whose log is not the
 * single broker's.
 */
public final class DatabasesMain {

    private DatabasesMain() {
    }

    public static void main(String[] args) {
        boolean recreate = Arrays.asList(args).contains("--recreate");
        int at = Arrays.asList(args).indexOf("--suffix");
        String suffix = at >= 0 && at + 1 < args.length ? args[at + 1] : "";
        int port = java.util.stream.IntStream.range(0, args.length)
                .filter(i -> !args[i].startsWith("--") && (i == 0 || !args[i - 1].equals("--suffix")))
                .mapToObj(i -> args[i]).findFirst().map(Integer::parseInt).orElse(PostgresLocator.port());
        if (!PostgresLocator.answers(PostgresLocator.host(), port)) {
            System.err.println("no PostgreSQL answers on " + PostgresLocator.host() + ":" + port);
            System.exit(1);
        }
        for (String database : Databases.ALL) {
            if (recreate) {
                PostgresLocator.recreateDatabase(port, database + suffix);
            } else {
                PostgresLocator.createDatabase(port, database + suffix);
            }
        }
        System.out.println("GeoRisk databases " + (recreate ? "recreated (empty)" : "present") + " on "
                + PostgresLocator.host() + ":" + port + ": " + String.join(", ", Databases.ALL) + " (suffix '"
                + suffix + "')");
    }
}
