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

    public Result assess(String pair, PairState state, DecayedSums.Applied applied) {
        Instant asOf = state.asOf();
        ScoringParameters.Prior prior = params.priorFor(pair);

        Map<Category, Double> categoryScores = new EnumMap<>(Category.class);
        Map<Category, RiskModel.Sums> categorySums = new EnumMap<>(Category.class);
        DecayMath.Point acuteAt = DecayMath.Point.of(asOf, params.acuteMillis());
        DecayMath.Point structuralAt = DecayMath.Point.of(asOf, params.structuralMillis());
        state.categories().forEach((category, evidence) -> {
            RiskModel.Sums sums = evidence.valueAt(acuteAt, structuralAt);
            categorySums.put(category, sums);
            categoryScores.put(category, RiskModel.score(sums, prior, params));
        });

        RiskModel.Sums total = state.total().valueAt(acuteAt, structuralAt);
        RiskModel.Components c = RiskModel.of(total, prior, params);
        double scoreWeekBefore = RiskModel.score(state.settled().valueAt(asOf.minus(PairState.TREND_WINDOW), params),
                prior, params);

        List<Driver> drivers = new ArrayList<>(state.drivers().size());
        for (StoryDriver d : state.drivers()) {
            double value = d.strength().valueAt(acuteAt);
            drivers.add(new Driver(d.eventId(), d.headline(), d.occurredAt(),
                    DecayMath.round(d.hostile() ? value : -value, CONTRIBUTION_DECIMALS)));
        }

        PairAssessment assessment = new PairAssessment(pair, c.score(), c.level(), c.acute(), c.structural(),
                c.escalation(), c.salience(), c.priority(), new LinkedHashMap<>(categoryScores),
                RiskModel.difference(c.score(), scoreWeekBefore), List.copyOf(drivers), state.eventCount(),
                state.storyCount(), state.version(), asOf);
        return new Result(assessment, new DecayedSums(asOf, total, categorySums, applied));
    }
}
