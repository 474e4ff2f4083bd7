package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
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

    public static boolean exists(UUID alertId) {
        return count("alertId", alertId) > 0;
    }
}
