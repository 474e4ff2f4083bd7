package org.georisk.assessment.backtest;

import org.georisk.contracts.PairAssessment;

import java.util.Comparator;

/** The order of the service's lists (GET /assessments): priority, then score, highest first; then by pair. */
final class Ranking {

    static final Comparator<PairAssessment> SERVICE_ORDER = Comparator
            .comparingDouble(PairAssessment::priority).reversed()
            .thenComparing(Comparator.comparingDouble(PairAssessment::score).reversed())
            .thenComparing(PairAssessment::pair);

    private Ranking() {
    }
}
