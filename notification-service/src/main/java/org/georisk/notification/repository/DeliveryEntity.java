package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One webhook delivery of one alert: the delivery log row, and a dead letter once status is DEAD. */
@Entity
@Table(name = "webhook_delivery")
public class DeliveryEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    @Id
    public UUID id;
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    public String pair;
    public String kind;
    /** URL and secret as they were when the alert was raised, so a later edit or delete does not lose it. */
    public String url;
    @Convert(converter = SecretColumnConverter.class) // encrypted at rest (docs/security.md)
    public String secret;
    public String payload;
    public String status;
    public int attempts;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Pending deliveries that are due, locked (skipping those another worker holds). */
    @SuppressWarnings("unchecked")
    public static List<DeliveryEntity> lockDue(Instant now, int limit) {
        return Panache.getEntityManager().createNativeQuery(
                        "select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?1 "
                                + "order by next_attempt_at limit ?2 for update skip locked", DeliveryEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public static List<DeliveryEntity> deadLetters() {
        return list("status = ?1 order by updatedAt desc", DEAD);
    }
}
