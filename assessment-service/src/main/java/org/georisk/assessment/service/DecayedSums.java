package org.georisk.assessment.service;

import org.georisk.contracts.Category;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /assessments/{pair}?at=T} needs beyond the {@code PairAssessment}: the decayed sums at asOf
 * (in total and per category) and the last seven days' contributions at asOf. The stream puts it on each
 * assessment record as the header {@link #HEADER}; the history consumer stores it beside the assessment. It stays
 * inside assessment-service (other consumers ignore the header), so it is not a contracts type.
 */
public record DecayedSums(Instant asOf, Sum total, Map<Category, Sum> categories, List<Recent> recent) {

    public static final String HEADER = "georisk.assessment.sums";

    /** Tension and cooperation (magnitude), decayed to asOf. */
    public record Sum(double tension, double cooperation) {
        public Sum scaled(double factor) {
            return new Sum(tension * factor, cooperation * factor);
        }
    }

    /** A recent event's time and signed contribution at asOf (positive tension, negative cooperation). */
    public record Recent(Instant occurredAt, double value) {
    }
}
