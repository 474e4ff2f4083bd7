package org.georisk.infra;

/**
 * Creates the four service databases on a running PostgreSQL when they are missing; never drops anything.
 * Usage: {@code DatabasesMain [port]}; default {@link PostgresLocator#port()} (GEORISK_PG_PORT, else 5432).
 */
public final class DatabasesMain {

    private DatabasesMain() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : PostgresLocator.port();
        if (!PostgresLocator.answers(PostgresLocator.host(), port)) {
            System.err.println("no PostgreSQL answers on " + PostgresLocator.host() + ":" + port);
            System.exit(1);
        }
        Databases.createAll(port, "");
        System.out.println("GeoRisk databases present on " + PostgresLocator.host() + ":" + port + ": "
                + String.join(", ", Databases.ALL));
    }
}
