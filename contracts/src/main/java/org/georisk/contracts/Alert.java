package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A relation crossed a line. alertId is name-based on (subscription or built-in rule, pair, version, kind),
 * so evaluating the same assessment again yields the same id and consumers can drop the repeat.
 *
 * @param subscriptionId absent for the built-in level-change rule
 * @param assessment     the assessment that raised it, drivers included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        UUID alertId,
        String pair,
        AlertKind kind,
        String message,
        Level level,
        Level previousLevel,
        double score,
        long assessmentVersion,
        UUID subscriptionId,
        Instant raisedAt,
        PairAssessment assessment) {
}
