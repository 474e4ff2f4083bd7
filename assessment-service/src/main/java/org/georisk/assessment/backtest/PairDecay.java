package org.georisk.assessment.backtest;

import org.georisk.assessment.service.AssessmentCalculator;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;

/** A pair's latest assessment decayed to a later instant, as {@code GET /assessments/{pair}?at=} answers it. */
final class PairDecay {

    private PairDecay() {
    }

    static PairAssessment at(AssessmentCalculator.Result latest, Instant at) {
        // AssessmentDecay is being rewritten with the model (issue 10); this follows it once it lands in main.
        throw new UnsupportedOperationException("--at waits for the new AssessmentDecay");
    }
}
