package org.georisk.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of values (milliseconds, usually). */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(Collection<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public int count() {
        return sorted.length;
    }

    /** The q-th percentile (0 < q ≤ 100), NaN without values. */
    public double at(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }
}
