package org.georisk.assessment.service;

import java.math.BigInteger;

/**
 * An exact fixed-point number {@code unscaled · 2^−(F + scale)} ({@link DecayMath#FRACTION_BITS F}): a term or a sum
 * of terms. {@code scale} is 0 for anything dated at or after {@link DecayMath#REFERENCE} (the integers of
 * docs/scoring.md); a term dated h half-lives before it needs h more fractional bits, so it keeps them instead of
 * losing its low bits. Always in its canonical form (the smallest scale ≥ 0 that holds the value), so equal values
 * are equal records and a sum does not depend on the order of its additions.
 */
public record Fixed(BigInteger unscaled, int scale) implements Comparable<Fixed> {

    public static final Fixed ZERO = new Fixed(BigInteger.ZERO, 0);

    public Fixed {
        if (scale < 0) {
            throw new IllegalArgumentException("scale must be ≥ 0: " + scale);
        }
    }

    /** The canonical form of {@code unscaled · 2^−(F + scale)}. */
    public static Fixed of(BigInteger unscaled, int scale) {
        if (scale == 0) {
            return new Fixed(unscaled, 0);
        }
        if (unscaled.signum() == 0) {
            return ZERO;
        }
        int drop = Math.min(scale, unscaled.getLowestSetBit());
        return new Fixed(unscaled.shiftRight(drop), scale - drop);
    }

    /** This value's unscaled integer at a scale at least its own. */
    public BigInteger unscaledAt(int toScale) {
        return toScale == scale ? unscaled : unscaled.shiftLeft(toScale - scale);
    }

    public Fixed plus(Fixed o) {
        if (scale == 0 && o.scale == 0) {
            return new Fixed(unscaled.add(o.unscaled), 0);
        }
        int s = Math.max(scale, o.scale);
        return of(unscaledAt(s).add(o.unscaledAt(s)), s);
    }

    public int signum() {
        return unscaled.signum();
    }

    @Override
    public int compareTo(Fixed o) {
        int s = Math.max(scale, o.scale);
        return unscaledAt(s).compareTo(o.unscaledAt(s));
    }

    public double valueAt(DecayMath.Point at) {
        return DecayMath.valueAt(unscaled, scale, at);
    }
}
