package org.georisk.ingest.stream;

import java.sql.SQLException;

/**
 * Tells a record the archive cannot store from a database that cannot store anything. Only the first is parked in
 * the DLQ; the second must fail the batch without committing, or an outage would park good events.
 *
 * <p>A record's fault is an SQLSTATE of class 22 (data exception: a value too long, out of range, a character the
 * database refuses), 23 (integrity constraint violation) or 54 (program limit exceeded, e.g. an index row too
 * large). Everything else (class 08 connection, 53 insufficient resources, 57 operator intervention, 40
 * rollback, a pool that hands out no connection, no SQLSTATE at all) is the database's.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean isRecordFault(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    /** The first SQLSTATE on the cause chain, or null. */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** One line for the DLQ reason: the database's own message (it names the column type), with its SQLSTATE. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return oneLine(sql.getMessage()) + " (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        return oneLine(String.valueOf(failure.getMessage()));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
