package org.georisk.assessment.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The four exact fixed-point sums the score is made of, each against {@link DecayMath#REFERENCE}: evidence E and
 * hostile evidence X, on the acute and on the structural half-life. Integers, so any order of additions and
 * subtractions gives the same sums to the last bit. Each is {@code unscaled · 2^−(F + scale)} with one common
 * {@code scale} ({@link Fixed}): 0 unless the sums hold a story dated before the reference, and then the smallest
 * that keeps every bit, so equal sums are equal records in any order.
 */
public record Evidence(BigInteger acuteEvidence, BigInteger acuteHostile,
                       BigInteger structuralEvidence, BigInteger structuralHostile,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) int scale) {

    public static final Evidence ZERO = new Evidence(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    /** Sums of scale 0 (every story dated at or after the reference). */
    public Evidence(BigInteger acuteEvidence, BigInteger acuteHostile, BigInteger structuralEvidence,
                    BigInteger structuralHostile) {
        this(acuteEvidence, acuteHostile, structuralEvidence, structuralHostile, 0);
    }

    /** A story's terms: evidence {@code weight·e} and hostile evidence {@code e·x}, dated at its day. */
    public static Evidence of(double evidence, double hostile, Instant day, ScoringParameters p) {
        return of(DecayMath.term(evidence, day, p.acuteMillis()), DecayMath.term(hostile, day, p.acuteMillis()),
                DecayMath.term(evidence, day, p.structuralMillis()), DecayMath.term(hostile, day, p.structuralMillis()));
    }

    /** The canonical sums of four fixed-point values. */
    public static Evidence of(Fixed ae, Fixed ah, Fixed se, Fixed sh) {
        int s = Math.max(Math.max(ae.scale(), ah.scale()), Math.max(se.scale(), sh.scale()));
        return canonical(ae.unscaledAt(s), ah.unscaledAt(s), se.unscaledAt(s), sh.unscaledAt(s), s);
    }

    /** The canonical sums of four exact decimals that are sums of terms (as the history table adds them up). */
    public static Evidence ofDecimals(BigDecimal ae, BigDecimal ah, BigDecimal se, BigDecimal sh) {
        return of(fixed(ae), fixed(ah), fixed(se), fixed(sh));
    }

    public Evidence plus(Evidence o) {
        if (scale == 0 && o.scale == 0) {
            return new Evidence(acuteEvidence.add(o.acuteEvidence), acuteHostile.add(o.acuteHostile),
                    structuralEvidence.add(o.structuralEvidence), structuralHostile.add(o.structuralHostile));
        }
        int s = Math.max(scale, o.scale);
        return canonical(at(acuteEvidence, s).add(o.at(o.acuteEvidence, s)),
                at(acuteHostile, s).add(o.at(o.acuteHostile, s)),
                at(structuralEvidence, s).add(o.at(o.structuralEvidence, s)),
                at(structuralHostile, s).add(o.at(o.structuralHostile, s)), s);
    }

    public Evidence minus(Evidence o) {
        return plus(new Evidence(o.acuteEvidence.negate(), o.acuteHostile.negate(), o.structuralEvidence.negate(),
                o.structuralHostile.negate(), o.scale));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /**
     * One of the sums as the history table's NUMERIC columns hold it: exactly, in units of 2^−F (so an integer, as
     * before, when the scale is 0; a decimal with {@code scale} fraction digits otherwise).
     */
    public BigDecimal decimal(BigInteger unscaled) {
        return scale == 0 ? new BigDecimal(unscaled)
                : new BigDecimal(unscaled.multiply(BigInteger.valueOf(5).pow(scale)), scale);
    }

    /** The sums' values at an instant, as doubles. */
    public RiskModel.Sums valueAt(Instant at, ScoringParameters p) {
        return valueAt(DecayMath.Point.of(at, p.acuteMillis()), DecayMath.Point.of(at, p.structuralMillis()));
    }

    /** The sums' values at an instant precomputed for each half-life (several sums valued at one instant). */
    public RiskModel.Sums valueAt(DecayMath.Point acute, DecayMath.Point structural) {
        return new RiskModel.Sums(DecayMath.valueAt(acuteEvidence, scale, acute),
                DecayMath.valueAt(acuteHostile, scale, acute), DecayMath.valueAt(structuralEvidence, scale, structural),
                DecayMath.valueAt(structuralHostile, scale, structural));
    }

    private BigInteger at(BigInteger unscaled, int toScale) {
        return toScale == scale ? unscaled : unscaled.shiftLeft(toScale - scale);
    }

    private static Evidence canonical(BigInteger ae, BigInteger ah, BigInteger se, BigInteger sh, int scale) {
        if (scale > 0) {
            int drop = scale;
            for (BigInteger v : new BigInteger[] {ae, ah, se, sh}) {
                if (v.signum() != 0) {
                    drop = Math.min(drop, v.getLowestSetBit());
                }
            }
            if (drop > 0) {
                return new Evidence(ae.shiftRight(drop), ah.shiftRight(drop), se.shiftRight(drop), sh.shiftRight(drop),
                        scale - drop);
            }
        }
        return new Evidence(ae, ah, se, sh, scale);
    }

    /** A sum of {@link #decimal} values as a {@link Fixed}: its value is k/2^n, so its unscaled part divides by 5^n. */
    private static Fixed fixed(BigDecimal d) {
        BigDecimal v = d.stripTrailingZeros();
        if (v.scale() <= 0) {
            return Fixed.of(v.toBigIntegerExact(), 0);
        }
        BigInteger[] k = v.unscaledValue().divideAndRemainder(BigInteger.valueOf(5).pow(v.scale()));
        if (k[1].signum() != 0) {
            throw new ArithmeticException("not a sum of fixed-point terms: " + d);
        }
        return Fixed.of(k[0], v.scale());
    }
}
