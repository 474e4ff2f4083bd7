package org.georisk.assessment.service;

import org.georisk.contracts.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskModelTest {

    private static final ScoringParameters P = ScoringParameters.DEFAULTS;
    private static final ScoringParameters.Prior CROSS = P.crossBorder();

    @Test
    void oneMaximalStoryByHand() {
        // e = 1 + ln 10 = 3.302585, x = 1: s = (3.302585 + 14·0.15) / (3.302585 + 14) = 0.312241,
        // u = (0.312241 − 0.15) / 0.85 = 0.190872, score = 100·(1 − e^(−3u)) = 43.5953
        double e = 1 + Math.log(10);
        RiskModel.Components c = RiskModel.of(new RiskModel.Sums(e, e, e, e), CROSS, P);
        assertEquals(43.60, c.score());
        assertEquals(Level.GUARDED, c.level());
        assertEquals(0, c.escalation());
    }

    @Test
    void onlyHostilityAboveTheBaselineCounts() {
        // a hostile share at the baseline, however much evidence, is 0
        assertEquals(0, RiskModel.of(new RiskModel.Sums(1000, 150, 1000, 150), CROSS, P).score());
        assertEquals(0, RiskModel.of(new RiskModel.Sums(1000, 250, 1000, 250), P.domestic(), P).score());
    }

    @Test
    void theScoreIsTheLargerOfAcuteAndStructural() {
        RiskModel.Components c = RiskModel.of(new RiskModel.Sums(10, 8, 100, 20), CROSS, P);
        assertEquals(Math.max(c.acute(), c.structural()), c.score());
        assertEquals(RiskModel.difference(c.acute(), c.structural()), c.escalation());
    }

    @Test
    void salienceIsZeroForASteadyPairAndHighForAPairWhoseEvidenceIsAllNew() {
        // a steady rate r: E_h = r·h/ln 2 on each half-life, so ρ ≈ 1 (a little below, from the prior)
        double r = 2;
        RiskModel.Sums steady = new RiskModel.Sums(r * 30 / Math.log(2), 0, r * 365 / Math.log(2), 0);
        assertEquals(0, RiskModel.of(steady, CROSS, P).salience());
        RiskModel.Sums burst = new RiskModel.Sums(200, 0, 200, 0);
        // ρ = (365/30)·200/220 = 11.0606: ln ρ / ln(365/30) = 0.961856
        assertEquals(96.19, RiskModel.of(burst, CROSS, P).salience());
    }

    @Test
    void priorityWeighsTheScoreBySalience() {
        RiskModel.Components c = RiskModel.of(new RiskModel.Sums(50, 30, 50, 30), CROSS, P);
        assertEquals(RiskModel.round(c.score() * (0.4 + 0.6 * c.salience() / 100)), c.priority());
    }

    @Test
    void levelBoundariesBelongToTheHigherLevel() {
        assertEquals(Level.LOW, Level.of(24.99, P.levelBounds()));
        assertEquals(Level.GUARDED, Level.of(25, P.levelBounds()));
        assertEquals(Level.SEVERE, Level.of(85, P.levelBounds()));
    }
}
