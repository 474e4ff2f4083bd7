package org.georisk.assessment.service;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The four exact fixed-point sums the score is made of, each against {@link DecayMath#REFERENCE}: evidence E and
 * hostile evidence X, on the acute and on the structural half-life. Integers, so any order of additions and
 * subtractions gives the same sums to the last bit.
 */
public record Evidence(BigInteger acuteEvidence, BigInteger acuteHostile,
                       BigInteger structuralEvidence, BigInteger structuralHostile) {

    public static final Evidence ZERO = new Evidence(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    /** A story's terms: evidence {@code weight·e} and hostile evidence {@code e·x}, dated at its day. */
    public static Evidence of(double evidence, double hostile, Instant day, ScoringParameters p) {
        return new Evidence(DecayMath.term(evidence, day, p.acuteMillis()), DecayMath.term(hostile, day, p.acuteMillis()),
                DecayMath.term(evidence, day, p.structuralMillis()), DecayMath.term(hostile, day, p.structuralMillis()));
    }

    public Evidence plus(Evidence o) {
        return new Evidence(acuteEvidence.add(o.acuteEvidence), acuteHostile.add(o.acuteHostile),
                structuralEvidence.add(o.structuralEvidence), structuralHostile.add(o.structuralHostile));
    }

    public Evidence minus(Evidence o) {
        return new Evidence(acuteEvidence.subtract(o.acuteEvidence), acuteHostile.subtract(o.acuteHostile),
                structuralEvidence.subtract(o.structuralEvidence), structuralHostile.subtract(o.structuralHostile));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** The sums' values at an instant, as doubles. */
    public RiskModel.Sums valueAt(Instant at, ScoringParameters p) {
        return valueAt(DecayMath.Point.of(at, p.acuteMillis()), DecayMath.Point.of(at, p.structuralMillis()));
    }

    /** The sums' values at an instant precomputed for each half-life (several sums valued at one instant). */
    public RiskModel.Sums valueAt(DecayMath.Point acute, DecayMath.Point structural) {
        return new RiskModel.Sums(DecayMath.valueAt(acuteEvidence, acute), DecayMath.valueAt(acuteHostile, acute),
                DecayMath.valueAt(structuralEvidence, structural), DecayMath.valueAt(structuralHostile, structural));
    }
}
