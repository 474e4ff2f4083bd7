package org.georisk.assessment.service;

import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The same event scores the same whatever its date, for every date validation accepts (from 1800): the fixed-point
 * sums keep the low bits of terms dated before the reference time 2000-01-01 (docs/scoring.md, "Exact and
 * order-independent"). Expected values come from the formula of docs/scoring.md in doubles, not from the code.
 */
class EventDatesTest {

    /** One hostile act: G −6, 4 mentions; cross-border prior n0 = 14, b = 0.15, κ = 1/3, γ = 0.5. */
    private static final double G = -6;
    private static final int MENTIONS = 4;
    private static final Duration LATER = Duration.ofDays(2).plusHours(6);

    @ParameterizedTest
    @ValueSource(strings = {"1800-01-01T00:00:00Z", "1990-01-01T00:00:00Z", "1997-01-01T00:00:00Z",
            "2000-06-01T00:00:00Z", "2025-04-13T00:00:00Z"})
    void theSameEventScoresWhatTheFormulaSaysAtAnyDate(String date) {
        Instant t = Instant.parse(date);
        GeoEvent e = ScoringFixtures.event("dated-" + date, "AZE", "RUS", t, "190", G, MENTIONS);
        AssessmentCalculator.Result scored = ScoringFixtures.scoreAll(List.of(e));
        Instant at = t.plus(LATER);
        // as GET /assessments/{pair}?at= answers it: the story is still within the week before `at`
        PairAssessment a = AssessmentDecay.at(scored.assessment(), scored.sums(), scored.sums().applied().delta(), at,
                ScoringParameters.DEFAULTS);

        double days = LATER.toMillis() / 86_400_000.0;
        double evidence = 1 + Math.log(Math.min(MENTIONS, 10));
        double hostility = Math.sqrt(-G / 10);
        double acute = value(evidence * Math.pow(2, -days / 30), evidence * hostility * Math.pow(2, -days / 30));
        double structural = value(evidence * Math.pow(2, -days / 365),
                evidence * hostility * Math.pow(2, -days / 365));
        assertEquals(twoDecimals(acute), a.acute(), date);
        assertEquals(twoDecimals(structural), a.structural(), date);
        assertEquals(Math.max(twoDecimals(acute), twoDecimals(structural)), a.score(), date);
        assertFalse(a.drivers().isEmpty(), "the act is the pair's driver");
        // the driver's contribution e·|G|/10 decayed on 30 days (?at= decays the published four decimals)
        assertEquals(evidence * 0.6 * Math.pow(2, -days / 30), a.drivers().get(0).contribution(), 2e-4, date);
    }

    /** 100·(1 − e^(−u/κ)), u = max(0, s − b)/(1 − b), s = (X + n0·b)/(E + n0). */
    private static double value(double e, double x) {
        double n0 = 14;
        double b = 0.15;
        double share = (x + n0 * b) / (e + n0);
        double u = Math.max(0, share - b) / (1 - b);
        return 100 * (1 - Math.exp(-u * 3));
    }

    private static double twoDecimals(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
