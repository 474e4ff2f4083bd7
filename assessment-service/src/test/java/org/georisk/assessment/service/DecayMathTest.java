package org.georisk.assessment.service;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
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
}
