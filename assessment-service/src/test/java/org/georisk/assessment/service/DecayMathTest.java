package org.georisk.assessment.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecayMathTest {

    private static final long H = Duration.ofDays(30).toMillis();
    private static final Instant DAY0 = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void aTermIsWorthItsWeightAtItsOwnTimeAndHalvesEveryHalfLife() {
        BigInteger term = DecayMath.term(4, DAY0, H);
        assertEquals(4.0, DecayMath.valueAt(term, DAY0, H), 1e-9);
        assertEquals(2.0, DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(30)), H), 1e-9);
        assertEquals(1.0, DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(60)), H), 1e-9);
        assertEquals(4 / Math.sqrt(2), DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(15)), H), 1e-9);
    }

    @Test
    void eventsBeforeTheReferenceTimeWork() {
        Instant early = Instant.parse("1999-10-15T06:00:00Z");
        BigInteger term = DecayMath.term(7.5, early, H);
        assertEquals(7.5, DecayMath.valueAt(term, early, H), 1e-7);
        assertEquals(3.75, DecayMath.valueAt(term, early.plus(Duration.ofDays(30)), H), 1e-7);
    }

    @Test
    void decayedSumMatchesTheHandComputedValue() {
        // 2 at day 0 and 3 at day 15, seen at day 30: 2·2^(−1) + 3·2^(−0.5) = 1 + 2.1213203435596424
        BigInteger sum = DecayMath.term(2, DAY0, H).add(DecayMath.term(3, DAY0.plus(Duration.ofDays(15)), H));
        assertEquals(3.1213203435596424, DecayMath.valueAt(sum, DAY0.plus(Duration.ofDays(30)), H), 1e-9);
    }

    @Test
    void theSumIsTheSameToTheLastBitInAnyOrder() {
        Random random = new Random(42);
        List<BigInteger> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double magnitude = random.nextDouble() * 10 * (1 + Math.log(1 + random.nextInt(50)));
            Instant t = DAY0.plusSeconds(random.nextInt(400 * 86_400));
            terms.add(DecayMath.term(magnitude, t, H));
        }
        BigInteger first = terms.stream().reduce(BigInteger.ZERO, BigInteger::add);
        double firstValue = DecayMath.valueAt(first, DAY0.plus(Duration.ofDays(400)), H);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(terms, random);
            BigInteger sum = BigInteger.ZERO;
            for (BigInteger term : terms) {
                sum = sum.add(term);
            }
            assertEquals(first, sum);
            assertEquals(Double.doubleToLongBits(firstValue),
                    Double.doubleToLongBits(DecayMath.valueAt(sum, DAY0.plus(Duration.ofDays(400)), H)));
        }
    }

    @Test
    void decayFactorIsTwoToTheMinusElapsedOverH() {
        assertEquals(0.5, DecayMath.decayFactor(DAY0, DAY0.plus(Duration.ofDays(30)), H), 1e-15);
        assertEquals(2.0, DecayMath.decayFactor(DAY0, DAY0.minus(Duration.ofDays(30)), H), 1e-15);
    }

    @Test
    void roundingIsBigDecimalHalfUpBitForBit() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.005, 2.675, 0.125, -0.125, 34.125, 99.995, -0.00001,
                1e-12, 12345678.125, 1e300, -7.5e-5, 0.00005, 43.60499999999999));
        for (int i = 0; i < 200_000; i++) {
            values.add((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(9) - 4));
            values.add(random.nextInt(2_000_000) / 10_000.0 + (random.nextInt(3) - 1) * Math.ulp(100.0));
            values.add((random.nextInt(200_000) + 0.5) / 1_000.0);
        }
        for (double v : values) {
            for (int decimals : new int[] {2, 4}) {
                double expected = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(DecayMath.round(v, decimals)),
                        v + " to " + decimals);
            }
        }
    }

    @Test
    void aPrecomputedPointValuesASumAsTheInstantDoes() {
        BigInteger sum = DecayMath.term(3.3, DAY0, H).add(DecayMath.term(0.7, DAY0.minus(Duration.ofDays(41)), H));
        Instant at = DAY0.plus(Duration.ofHours(1234));
        assertEquals(Double.doubleToLongBits(DecayMath.valueAt(sum, at, H)),
                Double.doubleToLongBits(DecayMath.valueAt(sum, DecayMath.Point.of(at, H))));
    }
}
