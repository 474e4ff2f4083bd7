package org.georisk.assessment.service;

import org.georisk.contracts.GeoEvent;

import java.util.Optional;

/**
 * The scoring of one event, the same in the stream and in the backtest: drops a duplicate eventId, folds the event
 * into its story and its pair, and computes the pair's new assessment.
 */
public final class PairScorer {

    private final ScoringParameters params;
    private final ScoringStores stores;

    public PairScorer(ScoringParameters params, ScoringStores stores) {
        this.params = params;
        this.stores = stores;
    }

    /**
     * @param pair  the event's pair key (the record key in the stream)
     * @param event a checked event (category filled in)
     * @return the pair's new assessment, or empty when the eventId was counted before
     */
    public Optional<AssessmentCalculator.Result> apply(String pair, GeoEvent event) {
        throw new UnsupportedOperationException("being written");
    }
}
