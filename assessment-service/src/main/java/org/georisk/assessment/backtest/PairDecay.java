package org.georisk.assessment.backtest;

import org.georisk.assessment.service.AssessmentCalculator;
import org.georisk.assessment.service.AssessmentDecay;
import org.georisk.assessment.service.Evidence;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.assessment.service.ScoringStores;
import org.georisk.assessment.service.StoryState;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;

/**
 * A pair's latest assessment decayed to a later instant, as {@code GET /assessments/{pair}?at=} answers it: the same
 * {@link AssessmentDecay}, given the terms of the pair's stories dated after {@code at − 7 days}. The service sums
 * those from the history table (each version's applied story delta); the stories' current terms in the stores are
 * the same sums. An instant before a pair's asOf leaves that pair as it is (the service answers 400 there).
 */
final class PairDecay {

    private final ScoringParameters params;
    private final ScoringStores stores;

    PairDecay(ScoringParameters params, ScoringStores stores) {
        this.params = params;
        this.stores = stores;
    }

    PairAssessment at(AssessmentCalculator.Result latest, Instant at) {
        PairAssessment a = latest.assessment();
        if (!at.isAfter(a.asOf())) {
            return a;
        }
        Instant cutoff = at.minus(PairState.TREND_WINDOW);
        // when the cutoff is past asOf every story is older than the week before T
        Evidence stillRecent = cutoff.isBefore(a.asOf())
                ? StoryState.termsOf(stores.storiesBetween(a.pair(), cutoff, a.asOf()), params)
                : Evidence.ZERO;
        return AssessmentDecay.at(a, latest.sums(), stillRecent, at, params);
    }
}
