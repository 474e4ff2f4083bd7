package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.OptionalDouble;

/** Score history per pair in event time (table score_point), for SCORE_JUMP. */
@ApplicationScoped
public class ScoreHistoryRepository {

    /** The lowest score the pair had at or after {@code since} (event time) before this version; empty if none. */
    public OptionalDouble lowestSince(String pair, Instant since, long beforeVersion) {
        Object min = Panache.getEntityManager().createNativeQuery(
                        "select min(score) from score_point where pair = ?1 and as_of >= ?2 and version < ?3")
                .setParameter(1, pair)
                .setParameter(2, since)
                .setParameter(3, beforeVersion)
                .getSingleResult();
        return min == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) min).doubleValue());
    }

    /** Adds a point and forgets the ones older than the retention (both in event time). */
    public void record(String pair, long version, Instant asOf, double score, Instant keepSince) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("insert into score_point (pair, version, as_of, score) values (?1, ?2, ?3, ?4) "
                        + "on conflict (pair, version) do nothing")
                .setParameter(1, pair)
                .setParameter(2, version)
                .setParameter(3, asOf)
                .setParameter(4, score)
                .executeUpdate();
        em.createNativeQuery("delete from score_point where pair = ?1 and as_of < ?2")
                .setParameter(1, pair)
                .setParameter(2, keepSince)
                .executeUpdate();
    }
}
