package org.georisk.assessment.service;

import org.georisk.contracts.Category;
import org.georisk.contracts.Driver;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment as of a later instant T with no new event: each half-life's sums shrink by their own factor
 * {@code 2^(−(T−asOf)/h)}; the components, levels and trend7d are recomputed from the sums stored with the assessment.
 */
public final class AssessmentDecay {

    private AssessmentDecay() {
    }

    /**
     * @param stillRecent the exact terms of the pair's stories (up to this version) dated after T − 7 days: the ones
     *                    that are not yet in the baseline of trend7d at T
     */
    public static PairAssessment at(PairAssessment a, DecayedSums sums, Evidence stillRecent, Instant at,
                                    ScoringParameters p) {
        if (!at.isAfter(a.asOf())) {
            return a;
        }
        ScoringParameters.Prior prior = p.priorFor(a.pair());
        double acuteFactor = DecayMath.decayFactor(a.asOf(), at, p.acuteMillis());
        double structuralFactor = DecayMath.decayFactor(a.asOf(), at, p.structuralMillis());

        RiskModel.Components c = RiskModel.of(sums.total().scaled(acuteFactor, structuralFactor), prior, p);

        Map<Category, Double> categoryScores = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            RiskModel.Sums s = sums.categories().get(category);
            if (s != null) {
                categoryScores.put(category, RiskModel.score(s.scaled(acuteFactor, structuralFactor), prior, p));
            }
        }

        // trend7d: the baseline at T − 7d is everything at asOf minus the stories still within the week before T
        Instant weekBefore = at.minus(PairState.TREND_WINDOW);
        RiskModel.Sums settled = sums.total().minus(stillRecent.valueAt(a.asOf(), p));
        double scoreWeekBefore = RiskModel.score(settled.scaled(
                DecayMath.decayFactor(a.asOf(), weekBefore, p.acuteMillis()),
                DecayMath.decayFactor(a.asOf(), weekBefore, p.structuralMillis())), prior, p);

        List<Driver> drivers = new ArrayList<>(a.drivers().size());
        for (Driver d : a.drivers()) {
            drivers.add(new Driver(d.eventId(), d.headline(), d.occurredAt(),
                    DecayMath.round(d.contribution() * acuteFactor, AssessmentCalculator.CONTRIBUTION_DECIMALS)));
        }
        return new PairAssessment(a.pair(), c.score(), c.level(), c.acute(), c.structural(), c.escalation(),
                c.salience(), c.priority(), categoryScores, RiskModel.difference(c.score(), scoreWeekBefore), drivers,
                a.eventCount(), a.storyCount(), a.version(), at);
    }
}
