package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

/**
 * Plain JDBC on the current transaction's connection, for the set-wise statements of a batch (unnest of arrays, JDBC
 * batches): one round trip for what would otherwise be one statement per assessment.
 */
final class Jdbc {

    private Jdbc() {
    }

    static <T> T work(ReturningWork<T> work) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(work);
    }

    static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(String[]::new));
    }

    static Array longs(Connection c, Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    /**
     * Instants as ISO-8601 text (cast to timestamptz[] in the statement): PostgreSQL parses them to the same value a
     * bound Instant parameter gives, so comparisons with stored event times stay exact.
     */
    static Array instants(Connection c, Collection<Instant> values) throws SQLException {
        return c.createArrayOf("varchar", values.stream().map(Instant::toString).toArray(String[]::new));
    }

    /**
     * The instant as PostgreSQL stores it in a timestamptz: rounded to the microsecond, half to even (it parses the
     * fraction and rounds with rint), so comparing in Java gives what the same comparison in SQL gives.
     */
    static Instant asStored(Instant instant) {
        long micros = (long) Math.rint(instant.getNano() / 1000.0);
        return Instant.ofEpochSecond(instant.getEpochSecond(), micros * 1000);
    }
}
