package org.georisk.assessment.service;

import org.georisk.assessment.config.ScoringConfig;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairKey;

import java.time.Duration;

/**
 * The scoring tunables as plain values, so the scoring runs without CDI (backtest, unit tests, benchmark) and with
 * CDI (from {@link ScoringConfig}). docs/scoring.md explains each default.
 */
public record ScoringParameters(Duration acuteHalfLife, Duration structuralHalfLife, double cooperativeWeight,
                                int mentionCap, double hostilityExponent, Prior crossBorder, Prior domestic, double kappa,
                                double saliencePrior, double salienceRankWeight, double[] levelBounds) {

    /** n0 (pseudo-evidence) and b (baseline hostile share) of the empirical-Bayes shrinkage. */
    public record Prior(double weight, double baseline) {
        public Prior {
            if (!(weight > 0) || !(baseline >= 0 && baseline < 1)) {
                throw new IllegalArgumentException("prior weight must be > 0 and baseline in [0, 1)");
            }
        }
    }

    /** The defaults of docs/scoring.md (the same as {@link ScoringConfig}'s). */
    public static final ScoringParameters DEFAULTS = new ScoringParameters(Duration.ofDays(30), Duration.ofDays(365),
            0.5, 10, 0.5, new Prior(14, 0.15), new Prior(20, 0.25), 1.0 / 3, 20, 0.6, Level.DEFAULT_BOUNDS.clone());

    public ScoringParameters {
        if (acuteHalfLife.isNegative() || acuteHalfLife.isZero() || structuralHalfLife.isNegative()
                || structuralHalfLife.isZero()) {
            throw new IllegalArgumentException("half-lives must be positive");
        }
        if (!(cooperativeWeight >= 0 && cooperativeWeight <= 1) || mentionCap < 1 || !(hostilityExponent > 0)
                || !(kappa > 0)
                || !(saliencePrior > 0) || !(salienceRankWeight >= 0 && salienceRankWeight <= 1)) {
            throw new IllegalArgumentException("cooperative weight and salience rank weight in [0, 1], mention cap ≥ 1,"
                    + " hostility exponent, κ and salience prior > 0");
        }
        if (levelBounds.length != 4) {
            throw new IllegalArgumentException("four level bounds expected (GUARDED, ELEVATED, HIGH, SEVERE)");
        }
    }

    public static ScoringParameters from(ScoringConfig c) {
        double[] bounds = c.levelBounds().stream().mapToDouble(Double::doubleValue).toArray();
        return new ScoringParameters(c.acuteHalfLife(), c.structuralHalfLife(), c.cooperativeWeight(), c.mentionCap(),
                c.hostilityExponent(),
                new Prior(c.crossBorder().weight(), c.crossBorder().baseline()),
                new Prior(c.domestic().weight(), c.domestic().baseline()), c.kappa(), c.saliencePrior(),
                c.salienceRankWeight(), bounds);
    }

    public long acuteMillis() {
        return acuteHalfLife.toMillis();
    }

    public long structuralMillis() {
        return structuralHalfLife.toMillis();
    }

    /** The prior of a pair key: domestic when both actors are the same ("ARM-ARM"). */
    public Prior priorFor(String pair) {
        return PairKey.isDomestic(pair) ? domestic() : crossBorder();
    }
}
