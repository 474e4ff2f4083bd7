package org.georisk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.hibernate.Session;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class EventArchiveRepository implements PanacheRepositoryBase<ArchivedEventEntity, UUID> {

    /** Ids are asked about in arrays of at most this many, so a 10,000-line bulk never binds one giant array. */
    private static final int CHUNK = 1000;

    private final DataSource dataSource;

    public EventArchiveRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores an event unless its eventId is already there. ON CONFLICT makes a redelivered record, or two archive
     * instances racing on a rebalance, a no-op instead of an error. Returns whether a row was written.
     */
    public boolean insertIfAbsent(ArchivedEventEntity e) {
        int rows = getEntityManager().createNativeQuery("""
                        INSERT INTO event_archive (event_id, pair, source, external_id, occurred_at, archived_at, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, e.eventId)
                .setParameter(2, e.pair)
                .setParameter(3, e.source)
                .setParameter(4, e.externalId)
                .setParameter(5, OffsetDateTime.ofInstant(e.occurredAt, ZoneOffset.UTC))
                .setParameter(6, OffsetDateTime.ofInstant(e.archivedAt, ZoneOffset.UTC))
                .setParameter(7, e.payload)
                .executeUpdate();
        return rows == 1;
    }

    /**
     * Stores many events in one JDBC batch (one round trip per batch instead of one statement per event), each
     * unless its eventId is already there, as {@link #insertIfAbsent}. Must run inside a transaction: a row the
     * database refuses fails the whole batch, which the caller then stores row by row.
     */
    public void insertAllIfAbsent(List<ArchivedEventEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event_archive (event_id, pair, source, external_id, occurred_at, archived_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")) {
                for (ArchivedEventEntity e : rows) {
                    insert.setObject(1, e.eventId);
                    insert.setString(2, e.pair);
                    insert.setString(3, e.source);
                    insert.setString(4, e.externalId);
                    insert.setObject(5, OffsetDateTime.ofInstant(e.occurredAt, ZoneOffset.UTC));
                    insert.setObject(6, OffsetDateTime.ofInstant(e.archivedAt, ZoneOffset.UTC));
                    insert.setString(7, e.payload);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Which of these eventIds the archive already holds. On every post's path (a single event asks about one id), so
     * it is one plain JDBC statement on a pooled connection: no Hibernate session, no query interpretation (this
     * query was a fifth of ingest's sampled CPU under single-event load, docs/performance.md). {@code = ANY(?)} with
     * a uuid array keeps one statement text whatever the number of ids, so the driver prepares it once per connection.
     * The ids are looked up one by one through the primary key (LATERAL), whatever the planner believes of the
     * table's size: on a server without statistics (autovacuum off, never analyzed) {@code event_id = ANY(?)} was seen
     * to take 2.4 s per 1,000 ids, each row of the table compared with the whole array (docs/performance.md).
     */
    public Set<UUID> existing(Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<UUID> all = new ArrayList<>(ids);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT a.event_id FROM unnest(?::uuid[]) AS k(id) CROSS JOIN LATERAL "
                             + "(SELECT event_id FROM event_archive WHERE event_id = k.id) a")) {
            for (int i = 0; i < all.size(); i += CHUNK) {
                Object[] chunk = all.subList(i, Math.min(all.size(), i + CHUNK)).toArray();
                select.setArray(1, connection.createArrayOf("uuid", chunk));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the event archive", e);
        }
        return found;
    }

    /** Events of a pair (or all) in [from, to), newest event time first; ties broken by eventId for stable pages. */
    public PanacheQuery<ArchivedEventEntity> search(String pair, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (pair != null) {
            where.append(" and pair = :pair");
            params.and("pair", pair);
        }
        if (from != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and occurredAt < :to");
            params.and("to", to);
        }
        return find(where.toString(), Sort.descending("occurredAt").and("eventId", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
    }
}
