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
 * {@code floor((t−R)/H)} (for t before R, kept with that many more fractional bits: {@link Fixed}). Integer addition is
 * associative, so any arrival order gives the same sum to the last bit.
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

    /**
     * The fixed-point term of a magnitude ≥ 0 at event time t: {@code magnitude·2^((t−R)/H)·2^F}, rounded to an
     * integer at t's own scale: exact for every t, before R too (a term dated before R keeps the fractional bits
     * it needs, see {@link Fixed}).
     */
    public static Fixed term(double magnitude, Instant t, long halfLifeMillis) {
        if (!(magnitude >= 0) || Double.isInfinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be finite and ≥ 0: " + magnitude);
        }
        long offset = t.toEpochMilli() - REFERENCE_MILLIS;
        long whole = Math.floorDiv(offset, halfLifeMillis);
        double frac = (double) Math.floorMod(offset, halfLifeMillis) / halfLifeMillis;
        long mantissa = Math.round(Math.scalb(magnitude * StrictMath.pow(2.0, frac), FRACTION_BITS));
        BigInteger m = BigInteger.valueOf(mantissa);
        return whole >= 0 ? new Fixed(m.shiftLeft(Math.toIntExact(whole)), 0) : Fixed.of(m, Math.toIntExact(-whole));
    }

    /** The value at time T of a fixed-point sum: {@code sum·2^(−(T−R)/H)/2^F}, deterministically rounded to a double. */
    public static double valueAt(BigInteger sum, Instant at, long halfLifeMillis) {
        return valueAt(sum, Point.of(at, halfLifeMillis));
    }

    /**
     * The part of {@link #valueAt} that depends only on the instant and the half-life (whole half-lives since R and
     * {@code 2^(−frac)}, a StrictMath.pow): computed once when many sums are valued at one instant.
     */
    public record Point(long whole, double fractionFactor) {

        public static Point of(Instant at, long halfLifeMillis) {
            long offset = at.toEpochMilli() - REFERENCE_MILLIS;
            double frac = (double) Math.floorMod(offset, halfLifeMillis) / halfLifeMillis;
            return new Point(Math.floorDiv(offset, halfLifeMillis), StrictMath.pow(2.0, -frac));
        }
    }

    /** {@link #valueAt(BigInteger, Instant, long)} at a precomputed point: the same double, bit for bit. */
    public static double valueAt(BigInteger sum, Point at) {
        return valueAt(sum, 0, at);
    }

    /** The value at a precomputed point of {@code sum · 2^−(F + scale)} (a {@link Fixed}). */
    public static double valueAt(BigInteger sum, int scale, Point at) {
        if (sum.signum() == 0) {
            return 0;
        }
        // keep the top 62 bits of the sum: exact enough for a double, and no overflow however large the sum grows
        int drop = Math.max(0, sum.abs().bitLength() - 62);
        double top = (drop == 0 ? sum : sum.shiftRight(drop)).doubleValue();
        return Math.scalb(top, Math.toIntExact(drop - at.whole() - FRACTION_BITS - scale)) * at.fractionFactor();
    }

    /** The factor {@code 2^(−(to−from)/H)} by which every decayed value shrinks from one instant to a later one. */
    public static double decayFactor(Instant from, Instant to, long halfLifeMillis) {
        long elapsed = to.toEpochMilli() - from.toEpochMilli();
        return StrictMath.pow(2.0, -(double) elapsed / halfLifeMillis);
    }

    /**
     * Rounds half-up to the given number of decimals, as {@code BigDecimal.valueOf(value).setScale(decimals, HALF_UP)}
     * does (so the JSON shows what a person expects). That goes through Double.toString, the costliest step of an
     * assessment; away from a tie (…5 in the next decimal) the rounding direction is certain from the double itself,
     * and {@code n / 10^decimals} is the same correctly rounded double as the decimal {@code n·10^−decimals} parsed.
     */
    public static double round(double value, int decimals) {
        if (decimals >= 0 && decimals < POWERS_OF_TEN.length) {
            double scaled = value * POWERS_OF_TEN[decimals];
            // |scaled| < 2^26: its rounding error (< 2^−26) is far below the 1e−6 kept from a tie
            if (Math.abs(scaled) < 0x1p26) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (Math.abs(fraction - 0.5) > 1e-6) {
                    return (fraction > 0.5 ? floor + 1 : floor) / POWERS_OF_TEN[decimals] + 0.0; // no −0.0
                }
            }
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};
}
