package org.georisk.assessment.service;

import org.georisk.contracts.Level;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskScoreTest {

    private static final ScoringParameters P = ScoringParameters.DEFAULTS; // λ = 0.5, K = 20

    @Test
    void netTensionOfKScoresOneMinusOneOverE() {
        assertEquals(63.21, RiskScore.of(20, 0, P));
    }

    @Test
    void cooperationOffsetsTensionByLambda() {
        // 10 − 0.5·4 = 8 → 100·(1 − e^−0.4) = 32.967995…
        assertEquals(32.97, RiskScore.of(10, 4, P));
    }

    @Test
    void onlyCooperationScoresZero() {
        assertEquals(0.0, RiskScore.of(0, 50, P));
        assertEquals(0.0, RiskScore.of(3, 50, P));
        assertEquals(Level.LOW, RiskScore.level(RiskScore.of(0, 50, P), P));
    }

    @Test
    void levelBoundariesBelongToTheHigherLevel() {
        assertEquals(Level.LOW, RiskScore.level(24.99, P));
        assertEquals(Level.GUARDED, RiskScore.level(25.00, P));
        assertEquals(Level.GUARDED, RiskScore.level(49.99, P));
        assertEquals(Level.ELEVATED, RiskScore.level(50.00, P));
        assertEquals(Level.ELEVATED, RiskScore.level(69.99, P));
        assertEquals(Level.HIGH, RiskScore.level(70.00, P));
        assertEquals(Level.HIGH, RiskScore.level(84.99, P));
        assertEquals(Level.SEVERE, RiskScore.level(85.00, P));
    }

    @Test
    void aTensionExactlyAtABoundaryGivesThatLevel() {
        // net tension −K·ln(1 − b/100) scores b (rounded to two decimals): the level shown matches the score shown
        double[] bounds = {25, 50, 70, 85};
        Level[] expected = {Level.GUARDED, Level.ELEVATED, Level.HIGH, Level.SEVERE};
        for (int i = 0; i < bounds.length; i++) {
            double tension = -P.k() * Math.log(1 - bounds[i] / 100);
            double score = RiskScore.of(tension, 0, P);
            assertEquals(bounds[i], score);
            assertEquals(expected[i], RiskScore.level(score, P));
        }
    }

    @Test
    void configuredBoundsAreUsed() {
        ScoringParameters strict = new ScoringParameters(Duration.ofDays(30), 0.5, 20, new double[]{10, 20, 30, 40});
        assertEquals(Level.ELEVATED, RiskScore.level(25, strict));
        assertEquals(Level.SEVERE, RiskScore.level(40, strict));
    }

    @Test
    void scoreDifferenceIsExactInDecimal() {
        assertEquals(0.3, RiskScore.difference(0.5, 0.2));
        assertEquals(-12.34, RiskScore.difference(20.0, 32.34));
    }
}
