package org.georisk.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentRecord, Long> {

    /**
     * Stores one assessment, idempotent on (pair, version): a redelivery changes nothing; a rebuild that
     * recomputes the same (pair, version) with a different result (new parameters) replaces the row's content.
     */
    public void upsert(AssessmentRecord r) {
        getEntityManager().createNativeQuery("""
                INSERT INTO assessment_history (pair, version, score, level, level_rank, as_of, event_count, payload, sums,
                    event_occurred_at, event_term)
                VALUES (:pair, :version, :score, :level, :rank, :asOf, :eventCount, :payload, cast(:sums as text),
                    cast(:eventAt as timestamptz), cast(:eventTerm as numeric))
                ON CONFLICT (pair, version) DO UPDATE SET score = EXCLUDED.score, level = EXCLUDED.level,
                    level_rank = EXCLUDED.level_rank, as_of = EXCLUDED.as_of, event_count = EXCLUDED.event_count,
                    payload = EXCLUDED.payload, sums = EXCLUDED.sums, event_occurred_at = EXCLUDED.event_occurred_at,
                    event_term = EXCLUDED.event_term, recorded_at = now()
                WHERE assessment_history.payload IS DISTINCT FROM EXCLUDED.payload
                   OR assessment_history.sums IS DISTINCT FROM EXCLUDED.sums
                """)
                .setParameter("pair", r.pair)
                .setParameter("version", r.version)
                .setParameter("score", r.score)
                .setParameter("level", r.level)
                .setParameter("rank", r.levelRank)
                .setParameter("asOf", r.asOf)
                .setParameter("eventCount", r.eventCount)
                .setParameter("payload", r.payload)
                .setParameter("sums", r.sums)
                .setParameter("eventAt", r.eventOccurredAt == null ? null : r.eventOccurredAt.toString())
                .setParameter("eventTerm", r.eventTerm == null ? null : r.eventTerm.toPlainString())
                .executeUpdate();
    }

    /**
     * The exact sums of the terms of a pair's events applied up to a version whose event time is after an instant:
     * {tension, cooperation magnitude}. Reads only the rows of that week (index on pair, event time).
     */
    public BigInteger[] appliedTermsAfter(String pair, long upToVersion, Instant after) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT coalesce(sum(event_term) FILTER (WHERE event_term > 0), 0),
                       coalesce(-sum(event_term) FILTER (WHERE event_term < 0), 0)
                FROM assessment_history
                WHERE pair = :pair AND version <= :version AND event_occurred_at > :after
                """)
                .setParameter("pair", pair)
                .setParameter("version", upToVersion)
                .setParameter("after", after)
                .getSingleResult();
        return new BigInteger[]{((BigDecimal) row[0]).toBigIntegerExact(), ((BigDecimal) row[1]).toBigIntegerExact()};
    }

    /** The latest row of a pair (highest version). */
    public Optional<AssessmentRecord> latest(String pair) {
        return find("pair", Sort.descending("version"), pair).firstResultOptional();
    }

    /** The latest row of every pair, optionally only pairs involving an actor and at least a level rank. */
    public List<AssessmentRecord> latestAll(String actor, int minRank) {
        String query = "from AssessmentRecord a where a.version = "
                + "(select max(b.version) from AssessmentRecord b where b.pair = a.pair) and a.levelRank >= ?1";
        if (actor == null) {
            return list(query + " order by a.score desc, a.pair", minRank);
        }
        return list(query + " and (a.pair like ?2 or a.pair like ?3) order by a.score desc, a.pair",
                minRank, actor + "-%", "%-" + actor);
    }

    /** A pair's rows with asOf in [from, to] (either bound optional), oldest version first. */
    public List<AssessmentRecord> history(String pair, Instant from, Instant to) {
        return list("pair = ?1 and asOf >= ?2 and asOf <= ?3 order by version",
                pair, from == null ? Instant.EPOCH : from, to == null ? Instant.parse("9999-12-31T00:00:00Z") : to);
    }

    public long countRows(String pair) {
        return count("pair", pair);
    }
}
