package org.georisk.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request durations in 1 ms buckets up to a minute: constant memory and no lock however many requests a soak
 * sends (a list of every duration would grow by 600,000 entries in ten minutes at 1,000/s).
 */
final class MillisHistogram {

    private static final int BUCKETS = 60_001;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos / 1_000_000)));
    }

    /** Upper bound in ms of the bucket holding the q-th percentile; NaN when empty. */
    double percentile(double q) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i + 1;
            }
        }
        return BUCKETS;
    }
}
