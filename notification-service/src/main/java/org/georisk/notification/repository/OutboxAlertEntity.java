package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;

/** An alert written in the evaluating transaction and not yet (or already) published to georisk.alerts. */
@Entity
@Table(name = "alert_outbox")
public class OutboxAlertEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "alert_id")
    public UUID alertId;
    public String pair;
    public String kind;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    /** The Alert JSON exactly as it goes to Kafka and to webhooks. */
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    /** W3C traceparent of the assessment record that raised the alert (the event's trace); null when it had none. */
    public String traceparent;
    /** When ingest received the event behind the alert (assessment record header); null when unknown. */
    @Column(name = "event_received_at")
    public Instant eventReceivedAt;
    public boolean published;
    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * The oldest unpublished rows, locked; rows another instance's relay holds are skipped rather than waited for,
     * so two relays never publish the same batch at the same time.
     */
    @SuppressWarnings("unchecked")
    public static List<OutboxAlertEntity> lockUnpublished(int limit) {
        return Panache.getEntityManager().createNativeQuery(
                        "select * from alert_outbox where not published order by seq limit ?1 for update skip locked",
                        OutboxAlertEntity.class)
                .setParameter(1, limit)
                .getResultList();
    }

    /** Which of these alert ids are in the outbox already. */
    public static Set<UUID> existing(Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return Set.of();
        }
        return Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select alert_id from alert_outbox where alert_id = any(?::uuid[])")) {
                s.setArray(1, c.createArrayOf("uuid", alertIds.toArray(UUID[]::new)));
                Set<UUID> found = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Inserts the rows in the order given, in one JDBC batch: seq follows that order, and so does publication. The
     * rows stay detached (the relay reads them back).
     */
    public static void insertAll(List<OutboxAlertEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into alert_outbox (alert_id, pair, kind, "
                    + "subscription_id, payload, created_at, traceparent, event_received_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxAlertEntity row : rows) {
                    s.setObject(1, row.alertId);
                    s.setString(2, row.pair);
                    s.setString(3, row.kind);
                    s.setObject(4, row.subscriptionId, Types.OTHER);
                    s.setString(5, row.payload);
                    s.setObject(6, row.createdAt.atOffset(ZoneOffset.UTC));
                    s.setString(7, row.traceparent);
                    s.setObject(8, row.eventReceivedAt == null ? null : row.eventReceivedAt.atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }
}
