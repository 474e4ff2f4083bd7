package org.georisk.notification.service;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many hooks spread out. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after the given failed attempt (1 = the first): base·2^(attempt−1), capped at max, then drawn from
     * [delay/2, delay) with {@code random} in [0, 1).
     */
    public static Duration delay(int failedAttempt, Duration base, Duration max, DoubleSupplier random) {
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
