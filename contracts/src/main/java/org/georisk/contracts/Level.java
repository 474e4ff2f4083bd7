package org.georisk.contracts;

/** Risk levels, lowest first: LOW &lt; 25 &le; GUARDED &lt; 50 &le; ELEVATED &lt; 70 &le; HIGH &lt; 85 &le; SEVERE by default. */
public enum Level {
    LOW, GUARDED, ELEVATED, HIGH, SEVERE;

    /** Default lower bounds of GUARDED, ELEVATED, HIGH and SEVERE (docs/contracts.md). */
    public static final double[] DEFAULT_BOUNDS = {25, 50, 70, 85};

    /** The level of a score, given the lower bounds of GUARDED, ELEVATED, HIGH and SEVERE in that order. */
    public static Level of(double score, double[] bounds) {
        if (bounds.length != 4) {
            throw new IllegalArgumentException("four bounds expected");
        }
        Level level = LOW;
        for (int i = 0; i < bounds.length; i++) {
            if (score >= bounds[i]) {
                level = values()[i + 1];
            }
        }
        return level;
    }

    public static Level of(double score) {
        return of(score, DEFAULT_BOUNDS);
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
