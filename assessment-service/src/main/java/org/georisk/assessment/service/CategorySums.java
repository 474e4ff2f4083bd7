package org.georisk.assessment.service;

import java.math.BigInteger;

/** The two fixed-point sums of one category (both ≥ 0; cooperation kept as a magnitude). */
public record CategorySums(BigInteger tension, BigInteger cooperation) {

    public static final CategorySums ZERO = new CategorySums(BigInteger.ZERO, BigInteger.ZERO);

    /** Adds a signed term: positive to tension, negative (as its magnitude) to cooperation. */
    public CategorySums add(BigInteger signedTerm) {
        return signedTerm.signum() >= 0
                ? new CategorySums(tension.add(signedTerm), cooperation)
                : new CategorySums(tension, cooperation.add(signedTerm.negate()));
    }

    /** Removes a signed term added before (the exact inverse of {@link #add}). */
    public CategorySums subtract(BigInteger signedTerm) {
        return signedTerm.signum() >= 0
                ? new CategorySums(tension.subtract(signedTerm), cooperation)
                : new CategorySums(tension, cooperation.add(signedTerm));
    }

    public CategorySums plus(CategorySums other) {
        return new CategorySums(tension.add(other.tension), cooperation.add(other.cooperation));
    }
}
