package org.georisk.infra;

import java.util.List;

/** The databases of the services that store (one per service, docs/architecture.md). */
public final class Databases {

    public static final String INGEST = "georisk_ingest";
    public static final String ASSESSMENT = "georisk_assessment";
    public static final String NOTIFICATION = "georisk_notification";
    public static final String GATEWAY = "georisk_gateway";

    public static final List<String> ALL = List.of(INGEST, ASSESSMENT, NOTIFICATION, GATEWAY);

    private Databases() {
    }

    /** Creates every database that does not exist yet (with a suffix, e.g. {@code _systest}, when given). */
    public static void createAll(int port, String suffix) {
        for (String database : ALL) {
            PostgresLocator.createDatabase(port, database + suffix);
        }
    }

    /** Drops and creates every database with the suffix; refuses an empty suffix so it never hits a real one. */
    public static void recreateAll(int port, String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            throw new IllegalArgumentException("recreating needs a suffix such as _systest");
        }
        for (String database : ALL) {
            PostgresLocator.recreateDatabase(port, database + suffix);
        }
    }
}
