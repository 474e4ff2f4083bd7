package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The risk of one country pair as of its latest event (docs/scoring.md; JSON field names fixed).
 *
 * @param score          0–100, two decimals: the larger of {@code acute} and {@code structural}
 * @param acute          the hostile share of the pair's recent evidence above its baseline (half-life ~30 days), 0–100
 * @param structural     the same over the long run (half-life ~1 year), 0–100: a standing dispute
 * @param escalation     acute − structural: positive when the relation is worse now than it usually is
 * @param salience       0–100, how unusual the attention to the pair is against its own long-run rate
 * @param priority       the ranking key: the score weighted by salience (lists are sorted by it)
 * @param categoryScores each category's score on the same scale (an ordered map, so the JSON is deterministic)
 * @param trend7d        score now minus score seven days earlier, in event time
 * @param drivers        the five strongest stories by absolute contribution
 * @param eventCount     distinct events
 * @param storyCount     distinct stories (same UTC day, CAMEO code and category count once)
 * @param version        grows by one with every change
 * @param asOf           the event time it is computed at
 */
@JsonPropertyOrder({"pair", "score", "level", "acute", "structural", "escalation", "salience", "priority",
        "categoryScores", "trend7d", "drivers", "eventCount", "storyCount", "version", "asOf"})
public record PairAssessment(
        String pair,
        double score,
        Level level,
        double acute,
        double structural,
        double escalation,
        double salience,
        double priority,
        Map<Category, Double> categoryScores,
        double trend7d,
        List<Driver> drivers,
        long eventCount,
        long storyCount,
        long version,
        Instant asOf) {
}
