package org.georisk.assessment.service;

import org.georisk.contracts.GeoEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * The scoring of one event, the same in the stream and in the backtest: drops a duplicate eventId, folds the event
 * into its story, moves the stories that left the trend window into the pair's baseline, and computes the pair's new
 * assessment. Each story's terms are a function of its rows, and the pair's sums are exact integer sums of its
 * stories' terms (an updated story swaps its old terms for its new ones), so any arrival order gives the same state.
 */
public final class PairScorer {

    private final ScoringParameters params;
    private final ScoringStores stores;
    private final AssessmentCalculator calculator;

    public PairScorer(ScoringParameters params, ScoringStores stores) {
        this.params = params;
        this.stores = stores;
        this.calculator = new AssessmentCalculator(params);
    }

    /**
     * @param pair  the event's pair key (the record key in the stream)
     * @param event a checked event (category and mentions filled in)
     * @return the pair's new assessment, or empty when the eventId was counted before
     */
    public Optional<AssessmentCalculator.Result> apply(String pair, GeoEvent event) {
        if (!stores.firstSighting(event.eventId().toString(), event.occurredAt())) {
            return Optional.empty();
        }
        StoryKey key = StoryKey.of(pair, event);
        StoryState before = stores.story(key);
        StoryState after = before == null ? StoryState.first(event) : before.with(event);

        PairState state = stores.pairState(pair);
        if (state == null) {
            state = PairState.empty();
        }
        Instant asOf = state.asOfWith(event.occurredAt());
        // stories the later asOf pushes out of the trend window join the baseline, with the terms they have so far
        Evidence settledNow = state.asOf() != null && asOf.isAfter(state.asOf())
                ? StoryState.termsOf(stores.storiesBetween(pair, PairState.cutoff(state.asOf()),
                        PairState.cutoff(asOf)), params)
                : Evidence.ZERO;
        Evidence delta = after.terms(key.day(), params)
                .minus(before == null ? Evidence.ZERO : before.terms(key.day(), params));
        if (!key.day().isAfter(PairState.cutoff(asOf))) {
            settledNow = settledNow.plus(delta);
        }

        stores.putStory(key, after);
        PairState next = state.with(key.category(), delta, settledNow, StoryDriver.of(key, after, params),
                before == null, event.occurredAt());
        stores.putPairState(pair, next);
        return Optional.of(calculator.assess(pair, next, new DecayedSums.Applied(key.day(), delta)));
    }
}
