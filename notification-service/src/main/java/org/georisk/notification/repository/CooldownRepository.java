package org.georisk.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** When each subscription last alerted about each pair, in assessment event time. */
@ApplicationScoped
public class CooldownRepository {

    /** A subscription's cooldown on one pair. */
    public record Key(UUID subscriptionId, String pair) {
    }

    /** The last alert time of every subscription on any of these pairs. */
    public Map<Key, Instant> lastAlerts(Collection<String> pairs) {
        if (pairs.isEmpty()) {
            return Map.of();
        }
        return Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("select subscription_id, pair, last_alert_at "
                    + "from alert_cooldown where pair = any(?::varchar[])")) {
                s.setArray(1, Jdbc.texts(c, pairs));
                Map<Key, Instant> last = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        last.put(new Key(r.getObject(1, UUID.class), r.getString(2)),
                                r.getObject(3, OffsetDateTime.class).toInstant());
                    }
                }
                return last;
            }
        });
    }

    /** Stores these last alert times (one JDBC batch), replacing the ones stored. */
    public void record(Map<Key, Instant> lastAlerts) {
        if (lastAlerts.isEmpty()) {
            return;
        }
        Jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into alert_cooldown (subscription_id, pair, "
                    + "last_alert_at) values (?, ?, ?) on conflict (subscription_id, pair) "
                    + "do update set last_alert_at = excluded.last_alert_at")) {
                for (Map.Entry<Key, Instant> e : lastAlerts.entrySet()) {
                    s.setObject(1, e.getKey().subscriptionId());
                    s.setString(2, e.getKey().pair());
                    s.setObject(3, e.getValue().atOffset(ZoneOffset.UTC));
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }
}
