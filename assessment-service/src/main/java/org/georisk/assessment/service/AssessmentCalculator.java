package org.georisk.assessment.service;

import org.georisk.contracts.Category;
import org.georisk.contracts.Driver;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a pair's exact state into the published {@link PairAssessment} (and its {@link DecayedSums}) at asOf. */
public final class AssessmentCalculator {

    /** Decimals of a driver's contribution in the JSON. */
    static final int CONTRIBUTION_DECIMALS = 4;

    private final ScoringParameters params;

    public AssessmentCalculator(ScoringParameters params) {
        this.params = params;
    }

    public record Result(PairAssessment assessment, DecayedSums sums) {
    }

    /**
     * @param state   the pair's state after the event
     * @param applied the event that made this version (carried in the DecayedSums for the history table)
     */
    public Result assess(String pair, PairState state, Contribution applied) {
        Instant asOf = state.asOf();

        Map<Category, Double> categoryScores = new EnumMap<>(Category.class);
        Map<Category, DecayedSums.Sum> categorySums = new EnumMap<>(Category.class);
        state.sums().forEach((category, s) -> {
            DecayedSums.Sum sum = valueAt(s, asOf);
            categorySums.put(category, sum);
            categoryScores.put(category, RiskScore.of(sum.tension(), sum.cooperation(), params));
        });

        DecayedSums.Sum total = valueAt(state.total(), asOf);
        double score = RiskScore.of(total.tension(), total.cooperation(), params);
        Instant weekBefore = asOf.minus(PairState.TREND_WINDOW);
        DecayedSums.Sum baseline = valueAt(state.settled(), weekBefore);
        double scoreWeekBefore = RiskScore.of(baseline.tension(), baseline.cooperation(), params);

        List<Driver> drivers = new ArrayList<>(state.drivers().size());
        for (Contribution c : state.drivers()) {
            drivers.add(new Driver(c.eventId(), c.headline(), c.occurredAt(), signedValue(c, asOf)));
        }

        PairAssessment assessment = new PairAssessment(pair, score, RiskScore.level(score, params),
                new LinkedHashMap<>(categoryScores), RiskScore.difference(score, scoreWeekBefore), List.copyOf(drivers),
                state.eventCount(), state.version(), asOf);
        return new Result(assessment, new DecayedSums(asOf, total, categorySums,
                new DecayedSums.Applied(applied.occurredAt(), applied.term())));
    }

    private DecayedSums.Sum valueAt(CategorySums s, Instant at) {
        long h = params.halfLifeMillis();
        return new DecayedSums.Sum(DecayMath.valueAt(s.tension(), at, h), DecayMath.valueAt(s.cooperation(), at, h));
    }

    private double signed(Contribution c, Instant at) {
        return DecayMath.valueAt(c.term(), at, params.halfLifeMillis());
    }

    private double signedValue(Contribution c, Instant at) {
        return DecayMath.round(signed(c, at), CONTRIBUTION_DECIMALS);
    }
}
