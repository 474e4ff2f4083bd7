package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The (pair, version) markers: inserting one tells whether this assessment was evaluated before. */
@ApplicationScoped
public class ProcessedAssessmentRepository {

    /** Records (pair, version) as processed; false when it already was (a redelivery). */
    public boolean markProcessed(String pair, long version, Instant now) {
        int inserted = Panache.getEntityManager().createNativeQuery(
                        "insert into processed_assessment (pair, version, alerts, processed_at) values (?1, ?2, 0, ?3) "
                                + "on conflict (pair, version) do nothing")
                .setParameter(1, pair)
                .setParameter(2, version)
                .setParameter(3, now)
                .executeUpdate();
        return inserted == 1;
    }

    public void recordAlertCount(String pair, long version, int alerts) {
        Panache.getEntityManager().createNativeQuery(
                        "update processed_assessment set alerts = ?3 where pair = ?1 and version = ?2")
                .setParameter(1, pair)
                .setParameter(2, version)
                .setParameter(3, alerts)
                .executeUpdate();
    }
}
