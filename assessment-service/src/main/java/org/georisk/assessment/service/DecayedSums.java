package org.georisk.assessment.service;

import org.georisk.contracts.Category;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /assessments/{pair}?at=T} needs beyond the {@code PairAssessment}: the decayed sums at asOf (in
 * total and per category) and the event this version applied, with its exact fixed-point term. The stream puts it
 * on each assessment record as the header {@link #HEADER}; the history consumer stores it beside the assessment, so
 * the history table knows, for every version, which event (time, term) it added: trend7d at a later T is then
 * computed from the rows of the pair's last 7 days (AssessmentQueries). Its size does not grow with the pair's event
 * rate. It stays inside assessment-service (other consumers ignore the header), so it is not a contracts type.
 */
public record DecayedSums(Instant asOf, Sum total, Map<Category, Sum> categories, Applied applied) {

    public static final String HEADER = "georisk.assessment.sums";

    /** Tension and cooperation (magnitude), decayed to asOf. */
    public record Sum(double tension, double cooperation) {
        public Sum scaled(double factor) {
            return new Sum(tension * factor, cooperation * factor);
        }
    }

    /**
     * The event that made this version: its time and its signed fixed-point term against {@link DecayMath#REFERENCE}
     * (positive tension, negative cooperation), exact.
     */
    public record Applied(Instant occurredAt, BigInteger term) {
    }
}
