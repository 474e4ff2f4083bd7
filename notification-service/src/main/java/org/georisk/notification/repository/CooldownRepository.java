package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** When each subscription last alerted about each pair, in assessment event time. */
@ApplicationScoped
public class CooldownRepository {

    public Optional<Instant> lastAlertAt(UUID subscriptionId, String pair) {
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                        "select last_alert_at from alert_cooldown where subscription_id = ?1 and pair = ?2")
                .setParameter(1, subscriptionId)
                .setParameter(2, pair)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(toInstant(rows.get(0)));
    }

    public void recordAlert(UUID subscriptionId, String pair, Instant at) {
        Panache.getEntityManager().createNativeQuery(
                        "insert into alert_cooldown (subscription_id, pair, last_alert_at) values (?1, ?2, ?3) "
                                + "on conflict (subscription_id, pair) do update set last_alert_at = excluded.last_alert_at")
                .setParameter(1, subscriptionId)
                .setParameter(2, pair)
                .setParameter(3, at)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
