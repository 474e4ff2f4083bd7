package org.georisk.assessment.service;

import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.Categories;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;
import java.util.List;

/** Events and a scorer for the model's property tests (no broker: the stream's own scoring classes on maps). */
final class ScoringFixtures {

    /** Real CAMEO codes, so generated rows can be distinct stories on one day. */
    static final List<String> CODES = CameoCodes.all().keySet().stream().sorted().toList();

    private ScoringFixtures() {
    }

    static GeoEvent event(String id, String actor1, String actor2, Instant at, String code, double goldstein,
                          int mentions) {
        return new GeoEvent(EventIds.eventId("test", id), "test", id, at, actor1, actor2, code, null, goldstein,
                mentions, Categories.defaultFor(code, actor1, actor2), "headline " + id, null, null);
    }

    /** The pair's assessment after all events, scored in the given order on fresh stores. */
    static PairAssessment score(List<GeoEvent> events) {
        return scoreAll(events).assessment();
    }

    static AssessmentCalculator.Result scoreAll(List<GeoEvent> events) {
        PairScorer scorer = new PairScorer(ScoringParameters.DEFAULTS, new InMemoryScoringStores());
        AssessmentCalculator.Result last = null;
        for (GeoEvent e : events) {
            last = scorer.apply(e.pairKey(), e).orElse(last);
        }
        return last;
    }
}
