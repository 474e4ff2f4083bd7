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
        BigInteger term = term(4, DAY0, H);
        assertEquals(4.0, DecayMath.valueAt(term, DAY0, H), 1e-9);
        assertEquals(2.0, DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(30)), H), 1e-9);
        assertEquals(1.0, DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(60)), H), 1e-9);
        assertEquals(4 / Math.sqrt(2), DecayMath.valueAt(term, DAY0.plus(Duration.ofDays(15)), H), 1e-9);
    }

    @Test
    void eventsBeforeTheReferenceTimeWork() {
        Instant early = Instant.parse("1999-10-15T06:00:00Z");
        Fixed term = DecayMath.term(7.5, early, H);
        assertEquals(7.5, term.valueAt(DecayMath.Point.of(early, H)), 1e-7);
        assertEquals(3.75, term.valueAt(DecayMath.Point.of(early.plus(Duration.ofDays(30)), H)), 1e-7);
    }

    @Test
    void aTermKeepsEveryBitHoweverLongBeforeTheReferenceTime() {
        for (String date : List.of("1800-01-01T00:00:00Z", "1990-01-01T00:00:00Z", "1997-01-01T12:34:56Z")) {
            Instant t = Instant.parse(date);
            Fixed term = DecayMath.term(3.3, t, H);
            assertEquals(1.0, term.valueAt(DecayMath.Point.of(t, H)) / 3.3, 1e-9, date);
            assertEquals(1.0, term.valueAt(DecayMath.Point.of(t.plus(Duration.ofDays(3)), H))
                    / (3.3 * Math.pow(2, -0.1)), 1e-9, date);
        }
    }

    @Test
    void sumsAcrossTwoCenturiesAreTheSameToTheLastBitInAnyOrder() {
        Random random = new Random(43);
        List<Fixed> terms = new ArrayList<>();
        long span = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond() - Instant.parse("1800-01-01T00:00:00Z")
                .getEpochSecond();
        for (int i = 0; i < 300; i++) {
            Instant t = Instant.parse("1800-01-01T00:00:00Z").plusSeconds((long) (random.nextDouble() * span));
            terms.add(DecayMath.term(random.nextDouble() * 7, t, H));
        }
        Fixed first = terms.stream().reduce(Fixed.ZERO, Fixed::plus);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(terms, random);
            Fixed sum = Fixed.ZERO;
            for (Fixed term : terms) {
                sum = sum.plus(term);
            }
            assertEquals(first, sum);
        }
        // and minus what was added gives back exactly zero, at scale 0
        Evidence e = Evidence.ZERO;
        for (Fixed term : terms) {
            e = e.plus(Evidence.of(term, term, Fixed.ZERO, term));
        }
        for (Fixed term : terms) {
            e = e.minus(Evidence.of(term, term, Fixed.ZERO, term));
        }
        assertEquals(Evidence.ZERO, e);
    }

    @Test
    void historyDecimalsGiveBackTheExactSums() {
        Fixed old = DecayMath.term(2.5, Instant.parse("1990-06-01T00:00:00Z"), H);
        Fixed recent = DecayMath.term(1.25, DAY0, H);
        Evidence e = Evidence.of(old, recent, old.plus(recent), Fixed.ZERO);
        assertEquals(e, Evidence.ofDecimals(e.decimal(e.acuteEvidence()), e.decimal(e.acuteHostile()),
                e.decimal(e.structuralEvidence()), e.decimal(e.structuralHostile())));
        Evidence integers = Evidence.of(recent, recent, recent, recent);
        assertEquals(0, integers.scale());
        assertEquals(new BigDecimal(recent.unscaled()), integers.decimal(integers.acuteEvidence()));
    }

    @Test
    void decayedSumMatchesTheHandComputedValue() {
        // 2 at day 0 and 3 at day 15, seen at day 30: 2·2^(−1) + 3·2^(−0.5) = 1 + 2.1213203435596424
        BigInteger sum = term(2, DAY0, H).add(term(3, DAY0.plus(Duration.ofDays(15)), H));
        assertEquals(3.1213203435596424, DecayMath.valueAt(sum, DAY0.plus(Duration.ofDays(30)), H), 1e-9);
    }

    @Test
    void theSumIsTheSameToTheLastBitInAnyOrder() {
        Random random = new Random(42);
        List<BigInteger> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double magnitude = random.nextDouble() * 10 * (1 + Math.log(1 + random.nextInt(50)));
            Instant t = DAY0.plusSeconds(random.nextInt(400 * 86_400));
            terms.add(term(magnitude, t, H));
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
        BigInteger sum = term(3.3, DAY0, H).add(term(0.7, DAY0.minus(Duration.ofDays(41)), H));
        Instant at = DAY0.plus(Duration.ofHours(1234));
        assertEquals(Double.doubleToLongBits(DecayMath.valueAt(sum, at, H)),
                Double.doubleToLongBits(DecayMath.valueAt(sum, DecayMath.Point.of(at, H))));
    }

    /** A term dated at or after the reference time: an integer (scale 0). */
    private static BigInteger term(double magnitude, Instant t, long halfLife) {
        Fixed term = DecayMath.term(magnitude, t, halfLife);
        assertEquals(0, term.scale());
        return term.unscaled();
    }
}
