package org.georisk.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentRecord, Long> {

    /** The history upsert of {@link #upsertAll}, one row per set of parameters. */
    private static final String UPSERT = """
            INSERT INTO assessment_history (pair, version, score, priority, level, level_rank, as_of, event_count,
                payload, sums, story_day, delta_acute_evidence, delta_acute_hostile, delta_structural_evidence,
                delta_structural_hostile)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (pair, version) DO UPDATE SET score = EXCLUDED.score, priority = EXCLUDED.priority,
                level = EXCLUDED.level, level_rank = EXCLUDED.level_rank, as_of = EXCLUDED.as_of,
                event_count = EXCLUDED.event_count, payload = EXCLUDED.payload, sums = EXCLUDED.sums,
                story_day = EXCLUDED.story_day, delta_acute_evidence = EXCLUDED.delta_acute_evidence,
                delta_acute_hostile = EXCLUDED.delta_acute_hostile,
                delta_structural_evidence = EXCLUDED.delta_structural_evidence,
                delta_structural_hostile = EXCLUDED.delta_structural_hostile, recorded_at = now()
            WHERE assessment_history.payload IS DISTINCT FROM EXCLUDED.payload
               OR assessment_history.sums IS DISTINCT FROM EXCLUDED.sums
            """;

    /**
     * Stores assessments, idempotent on (pair, version): a redelivery changes nothing; a rebuild that recomputes the
     * same (pair, version) with a different result (new parameters) replaces the row's content. One JDBC batch (sent
     * as multi-row INSERTs, reWriteBatchedInserts) instead of a statement per row: the history consumer writes a row
     * per event. A (pair, version) may occur once only, as one statement cannot update a row twice: the caller keeps
     * the last of repeats. Must run inside a transaction.
     */
    public void upsertAll(Collection<AssessmentRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (AssessmentRecord r : rows) {
                    upsert.setString(1, r.pair);
                    upsert.setLong(2, r.version);
                    upsert.setDouble(3, r.score);
                    upsert.setDouble(4, r.priority);
                    upsert.setString(5, r.level);
                    upsert.setShort(6, r.levelRank);
                    upsert.setObject(7, r.asOf.atOffset(ZoneOffset.UTC));
                    upsert.setLong(8, r.eventCount);
                    upsert.setString(9, r.payload);
                    upsert.setString(10, r.sums);
                    upsert.setObject(11, r.storyDay == null ? null : r.storyDay.atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    upsert.setBigDecimal(12, r.deltaAcuteEvidence);
                    upsert.setBigDecimal(13, r.deltaAcuteHostile);
                    upsert.setBigDecimal(14, r.deltaStructuralEvidence);
                    upsert.setBigDecimal(15, r.deltaStructuralHostile);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
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

    /** The latest row of a pair (highest version). */
    public Optional<AssessmentRecord> latest(String pair) {
        return find("pair", Sort.descending("version"), pair).firstResultOptional();
    }

    /**
     * The latest row of every pair (level at least {@code minRank}, optionally only pairs with {@code actor}), in
     * ranking order: priority (the score weighted by salience, docs/scoring.md), then score, then pair. A loose index
     * scan: the recursive part walks the distinct pairs along the (pair, version) index, and each pair's newest row is
     * one index probe, so the cost grows with the number of pairs, not with the history. The former "version =
     * max(version) of the pair" query compared every history row: 6.3 s for 564,000 rows of 277 pairs after a
     * 1M-event rebuild, past the gateway's 30 s under load (docs/performance.md).
     */
    @SuppressWarnings("unchecked")
    public List<AssessmentRecord> latestAll(String actor, int minRank) {
        String sql = """
                WITH RECURSIVE pairs(pair) AS (
                    SELECT min(pair) FROM assessment_history
                    UNION ALL
                    SELECT (SELECT min(b.pair) FROM assessment_history b WHERE b.pair > p.pair)
                    FROM pairs p WHERE p.pair IS NOT NULL)
                SELECT h.* FROM pairs p CROSS JOIN LATERAL (
                    SELECT * FROM assessment_history a WHERE a.pair = p.pair ORDER BY a.version DESC LIMIT 1) h
                WHERE h.level_rank >= :rank
                """ + (actor == null ? "" : " AND (h.pair LIKE :first OR h.pair LIKE :second)")
                + " ORDER BY h.priority DESC, h.score DESC, h.pair";
        var query = getEntityManager().createNativeQuery(sql, AssessmentRecord.class).setParameter("rank", minRank);
        if (actor != null) {
            query.setParameter("first", actor + "-%").setParameter("second", "%-" + actor);
        }
        return query.getResultList();
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
