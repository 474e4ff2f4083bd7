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
 * An assessment as of a later instant T with no new event: every decayed value shrinks by the same factor
 * {@code 2^(−(T−asOf)/H)}; scores, levels and trend7d are recomputed from the sums stored with the assessment.
 */
public final class AssessmentDecay {

    private AssessmentDecay() {
    }

    /**
     * @param stillRecent the exact sums of the pair's events (up to this version) with t &gt; T − 7 days: the ones
     *                    that are not yet in the baseline of trend7d at T
     */
    public static PairAssessment at(PairAssessment a, DecayedSums sums, CategorySums stillRecent, Instant at,
                                    ScoringParameters params) {
        if (!at.isAfter(a.asOf())) {
            return a;
        }
        long h = params.halfLifeMillis();
        double factor = DecayMath.decayFactor(a.asOf(), at, h);

        DecayedSums.Sum total = sums.total().scaled(factor);
        double score = RiskScore.of(total.tension(), total.cooperation(), params);

        Map<Category, Double> categoryScores = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            DecayedSums.Sum s = sums.categories().get(category);
            if (s != null) {
                DecayedSums.Sum scaled = s.scaled(factor);
                categoryScores.put(category, RiskScore.of(scaled.tension(), scaled.cooperation(), params));
            }
        }

        // trend7d: the baseline at T − 7d is everything at asOf minus the events still within the week before T
        Instant weekBefore = at.minus(PairState.TREND_WINDOW);
        double tension = sums.total().tension() - DecayMath.valueAt(stillRecent.tension(), a.asOf(), h);
        double cooperation = sums.total().cooperation() - DecayMath.valueAt(stillRecent.cooperation(), a.asOf(), h);
        double back = DecayMath.decayFactor(a.asOf(), weekBefore, h);
        double scoreWeekBefore = RiskScore.of(Math.max(0, tension) * back, Math.max(0, cooperation) * back, params);

        List<Driver> drivers = new ArrayList<>(a.drivers().size());
        for (Driver d : a.drivers()) {
            drivers.add(new Driver(d.eventId(), d.headline(), d.occurredAt(),
                    DecayMath.round(d.contribution() * factor, AssessmentCalculator.CONTRIBUTION_DECIMALS)));
        }
        return new PairAssessment(a.pair(), score, RiskScore.level(score, params), categoryScores,
                RiskScore.difference(score, scoreWeekBefore), drivers, a.eventCount(), a.version(), at);
    }
}
