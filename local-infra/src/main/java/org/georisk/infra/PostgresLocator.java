package org.georisk.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Finds a real PostgreSQL: the server on 127.0.0.1:5432 when it answers (the project's machines run one, trust
 * auth, user postgres), else an embedded PostgreSQL from Maven Central binaries (zonky) started in this JVM.
 * Host and port can be moved with GEORISK_PG_HOST / GEORISK_PG_PORT.
 */
public final class PostgresLocator {

    /** Where an embedded PostgreSQL listens: never a public interface (docs/security.md). */
    public static final String LOOPBACK = "127.0.0.1";

    public static final String USER = "postgres";

    private static EmbeddedPostgres embedded;

    private PostgresLocator() {
    }

    public static String host() {
        return System.getenv().getOrDefault("GEORISK_PG_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("GEORISK_PG_PORT", "5432"));
    }

    /** True when something accepts connections at host:port within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The port of a running PostgreSQL on {@link #host()}: the configured one if it answers, else an embedded
     * server started here (kept for the life of this JVM) with its data under {@code dataDir}.
     */
    public static synchronized int ensureServer(Path dataDir) {
        if (answers(host(), port())) {
            return port();
        }
        if (embedded == null) {
            try {
                Files.createDirectories(dataDir);
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", LOOPBACK) // trusts local connections: loopback only
                        .start();
                EmbeddedPostgres started = embedded;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; nothing left to tell
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start an embedded PostgreSQL in " + dataDir, e);
            }
        }
        return embedded.getPort();
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** Creates the database when it does not exist yet. */
    public static void createDatabase(int port, String database) {
        execOnAdmin(port, database, false);
    }

    /** Drops and creates the database: tests start from an empty schema, never production. */
    public static void recreateDatabase(int port, String database) {
        execOnAdmin(port, database, true);
    }

    private static void execOnAdmin(int port, String database, boolean dropFirst) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "");
             Statement st = c.createStatement()) {
            if (dropFirst) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + database + " on port " + port, e);
        }
    }
}
