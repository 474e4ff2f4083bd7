package org.georisk.assessment.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Exact, order-independent exponential decay in event time.
 *
 * <p>A decayed sum {@code S(T) = Σ w_i·2^(−(T−t_i)/H)} equals {@code 2^(−(T−R)/H) · Σ w_i·2^((t_i−R)/H)} for any fixed
 * reference time R. The right-hand sum does not depend on T, so it can be kept as one number that only ever grows
 * by addition. Floating-point addition is not associative (the last bits depend on the order), so each term is
 * made a fixed-point integer: {@code round(w·2^frac·2^F)} (a long, F = 32 fractional bits, frac ∈ [0, 1) the fractional
 * part of (t−R)/H, computed with {@link StrictMath} so it is the same on every JVM) shifted left by
 * {@code floor((t−R)/H)}. Integer addition is associative, so any arrival order gives the same sum to the last bit.
 * Event times count in whole milliseconds.
 */
public final class DecayMath {

    /** The fixed reference time R. Changing it changes every stored sum: never change it without a rebuild. */
    public static final Instant REFERENCE = Instant.parse("2000-01-01T00:00:00Z");
    /** Fractional bits of a term: relative precision 2^−32 of each event's weight. */
    public static final int FRACTION_BITS = 32;

    private static final long REFERENCE_MILLIS = REFERENCE.toEpochMilli();

    private DecayMath() {
    }

    /** The fixed-point term of a magnitude ≥ 0 at event time t: {@code magnitude·2^((t−R)/H)·2^F}, rounded. */
    public static BigInteger term(double magnitude, Instant t, long halfLifeMillis) {
        if (!(magnitude >= 0) || Double.isInfinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be finite and ≥ 0: " + magnitude);
        }
        long offset = t.toEpochMilli() - REFERENCE_MILLIS;
        long whole = Math.floorDiv(offset, halfLifeMillis);
        double frac = (double) Math.floorMod(offset, halfLifeMillis) / halfLifeMillis;
        long mantissa = Math.round(Math.scalb(magnitude * StrictMath.pow(2.0, frac), FRACTION_BITS));
        BigInteger m = BigInteger.valueOf(mantissa);
        return whole >= 0 ? m.shiftLeft(Math.toIntExact(whole)) : m.shiftRight(Math.toIntExact(-whole));
    }

    /** The value at time T of a fixed-point sum: {@code sum·2^(−(T−R)/H)/2^F}, deterministically rounded to a double. */
    public static double valueAt(BigInteger sum, Instant at, long halfLifeMillis) {
        if (sum.signum() == 0) {
            return 0;
        }
        long offset = at.toEpochMilli() - REFERENCE_MILLIS;
        long whole = Math.floorDiv(offset, halfLifeMillis);
        double frac = (double) Math.floorMod(offset, halfLifeMillis) / halfLifeMillis;
        // keep the top 62 bits of the sum: exact enough for a double, and no overflow however large the sum grows
        int drop = Math.max(0, sum.abs().bitLength() - 62);
        double top = sum.shiftRight(drop).doubleValue();
        return Math.scalb(top, Math.toIntExact(drop - whole - FRACTION_BITS)) * StrictMath.pow(2.0, -frac);
    }

    /** The factor {@code 2^(−(to−from)/H)} by which every decayed value shrinks from one instant to a later one. */
    public static double decayFactor(Instant from, Instant to, long halfLifeMillis) {
        long elapsed = to.toEpochMilli() - from.toEpochMilli();
        return StrictMath.pow(2.0, -(double) elapsed / halfLifeMillis);
    }

    /** Rounds half-up to the given number of decimals (BigDecimal, so the JSON shows what a person expects). */
    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
