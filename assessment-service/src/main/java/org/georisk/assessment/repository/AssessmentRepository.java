package org.georisk.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
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
                INSERT INTO assessment_history (pair, version, score, priority, level, level_rank, as_of, event_count,
                    payload, sums, story_day, delta_acute_evidence, delta_acute_hostile, delta_structural_evidence,
                    delta_structural_hostile)
                VALUES (:pair, :version, :score, :priority, :level, :rank, :asOf, :eventCount, :payload,
                    cast(:sums as text), cast(:day as timestamptz), cast(:ae as numeric), cast(:ah as numeric),
                    cast(:se as numeric), cast(:sh as numeric))
                ON CONFLICT (pair, version) DO UPDATE SET score = EXCLUDED.score, priority = EXCLUDED.priority,
                    level = EXCLUDED.level, level_rank = EXCLUDED.level_rank, as_of = EXCLUDED.as_of,
                    event_count = EXCLUDED.event_count, payload = EXCLUDED.payload, sums = EXCLUDED.sums,
                    story_day = EXCLUDED.story_day, delta_acute_evidence = EXCLUDED.delta_acute_evidence,
                    delta_acute_hostile = EXCLUDED.delta_acute_hostile,
                    delta_structural_evidence = EXCLUDED.delta_structural_evidence,
                    delta_structural_hostile = EXCLUDED.delta_structural_hostile, recorded_at = now()
                WHERE assessment_history.payload IS DISTINCT FROM EXCLUDED.payload
                   OR assessment_history.sums IS DISTINCT FROM EXCLUDED.sums
                """)
                .setParameter("pair", r.pair)
                .setParameter("version", r.version)
                .setParameter("score", r.score)
                .setParameter("priority", r.priority)
                .setParameter("level", r.level)
                .setParameter("rank", r.levelRank)
                .setParameter("asOf", r.asOf)
                .setParameter("eventCount", r.eventCount)
                .setParameter("payload", r.payload)
                .setParameter("sums", r.sums)
                .setParameter("day", r.storyDay == null ? null : r.storyDay.toString())
                .setParameter("ae", plain(r.deltaAcuteEvidence))
                .setParameter("ah", plain(r.deltaAcuteHostile))
                .setParameter("se", plain(r.deltaStructuralEvidence))
                .setParameter("sh", plain(r.deltaStructuralHostile))
                .executeUpdate();
    }

    /**
     * The exact sums of the story changes of a pair's versions up to {@code upToVersion} whose story is dated after
     * an instant: {acute evidence, acute hostile, structural evidence, structural hostile}. Reads only the rows of
     * that week (index on pair, story day).
     */
    public BigDecimal[] storyTermsAfter(String pair, long upToVersion, Instant after) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT coalesce(sum(delta_acute_evidence), 0), coalesce(sum(delta_acute_hostile), 0),
                       coalesce(sum(delta_structural_evidence), 0), coalesce(sum(delta_structural_hostile), 0)
                FROM assessment_history
                WHERE pair = :pair AND version <= :version AND story_day > :after
                """)
                .setParameter("pair", pair)
                .setParameter("version", upToVersion)
                .setParameter("after", after)
                .getSingleResult();
        BigDecimal[] sums = new BigDecimal[4];
        for (int i = 0; i < 4; i++) {
            sums[i] = (BigDecimal) row[i];
        }
        return sums;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The latest row of a pair (highest version). */
    public Optional<AssessmentRecord> latest(String pair) {
        return find("pair", Sort.descending("version"), pair).firstResultOptional();
    }

    /**
     * The latest row of every pair, optionally only pairs involving an actor and at least a level rank, in ranking
     * order: priority (the score weighted by salience, docs/scoring.md), then score, then pair.
     */
    public List<AssessmentRecord> latestAll(String actor, int minRank) {
        String query = "from AssessmentRecord a where a.version = "
                + "(select max(b.version) from AssessmentRecord b where b.pair = a.pair) and a.levelRank >= ?1";
        if (actor == null) {
            return list(query + " order by a.priority desc, a.score desc, a.pair", minRank);
        }
        return list(query + " and (a.pair like ?2 or a.pair like ?3) order by a.priority desc, a.score desc, a.pair",
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
