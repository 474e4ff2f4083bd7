package org.georisk.assessment.service;

import org.georisk.contracts.Level;

import java.math.BigDecimal;

/** The DESIGN.md score: {@code 100·(1 − exp(−max(0, T − λ·C)/K))}, two decimals, HALF_UP. */
public final class RiskScore {

    private RiskScore() {
    }

    /** The score of a decayed tension T and cooperation C (both ≥ 0) under the given parameters. */
    public static double of(double tension, double cooperation, ScoringParameters params) {
        double net = Math.max(0, tension - params.lambda() * cooperation);
        double raw = 100 * (1 - StrictMath.exp(-net / params.k()));
        return DecayMath.round(raw, 2);
    }

    public static Level level(double score, ScoringParameters params) {
        return Level.of(score, params.levelBounds());
    }

    /** {@code now − before} of two two-decimal scores, exact in decimal (no 0.1 + 0.2 residue). */
    public static double difference(double now, double before) {
        return BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(before)).doubleValue();
    }
}
