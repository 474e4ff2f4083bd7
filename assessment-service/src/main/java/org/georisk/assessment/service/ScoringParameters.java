package org.georisk.assessment.service;

import org.georisk.assessment.config.ScoringConfig;
import org.georisk.contracts.Level;

import java.time.Duration;

/**
 * The scoring tunables as plain values, so the topology and the maths can be built without CDI (unit tests,
 * benchmark) and with CDI (from {@link ScoringConfig}).
 */
public record ScoringParameters(Duration halfLife, double lambda, double k, double[] levelBounds) {

    /** The defaults of docs/scoring.md (the same as {@link ScoringConfig}'s). */
    public static final ScoringParameters DEFAULTS =
            new ScoringParameters(Duration.ofDays(30), 0.5, 20, Level.DEFAULT_BOUNDS.clone());

    public ScoringParameters {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive");
        }
        if (!(k > 0) || !(lambda >= 0)) {
            throw new IllegalArgumentException("K must be > 0 and λ ≥ 0");
        }
        if (levelBounds.length != 4) {
            throw new IllegalArgumentException("four level bounds expected (GUARDED, ELEVATED, HIGH, SEVERE)");
        }
    }

    public static ScoringParameters from(ScoringConfig config) {
        double[] bounds = config.levelBounds().stream().mapToDouble(Double::doubleValue).toArray();
        return new ScoringParameters(config.halfLife(), config.lambda(), config.k(), bounds);
    }

    public long halfLifeMillis() {
        return halfLife.toMillis();
    }
}
