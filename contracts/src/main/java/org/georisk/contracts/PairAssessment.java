package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The risk of one country pair as of its latest event (DESIGN.md; JSON field names fixed).
 *
 * @param score          0–100, two decimals
 * @param categoryScores each category's score on the same scale (an ordered map, so the JSON is deterministic)
 * @param trend7d        score now minus score seven days earlier, in event time
 * @param drivers        the top five events by absolute contribution
 * @param version        grows by one with every change
 * @param asOf           the event time it is computed at
 */
@JsonPropertyOrder({"pair", "score", "level", "categoryScores", "trend7d", "drivers", "eventCount", "version", "asOf"})
public record PairAssessment(
        String pair,
        double score,
        Level level,
        Map<Category, Double> categoryScores,
        double trend7d,
        List<Driver> drivers,
        long eventCount,
        long version,
        Instant asOf) {
}
