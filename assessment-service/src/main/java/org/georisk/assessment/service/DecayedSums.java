package org.georisk.assessment.service;

import org.georisk.contracts.Category;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /assessments/{pair}?at=T} needs beyond the {@code PairAssessment}: the decayed sums at asOf (in
 * total and per category) and the change this version applied to its story, with its exact terms. The stream puts it
 * on each assessment record as the header {@link #HEADER}; the history consumer stores it beside the assessment, so
 * the history table knows, for every version, which story day it changed and by how much: trend7d at a later T is
 * then computed from the rows of the pair's last 7 days (AssessmentQueries). Its size does not grow with the pair's
 * event rate. It stays inside assessment-service (other consumers ignore the header), so it is not a contracts type.
 */
public record DecayedSums(Instant asOf, RiskModel.Sums total, Map<Category, RiskModel.Sums> categories,
                          Applied applied) {

    public static final String HEADER = "georisk.assessment.sums";

    /** The story day this version changed and the exact change of its terms (new minus old). */
    public record Applied(Instant day, Evidence delta) {
    }
}
