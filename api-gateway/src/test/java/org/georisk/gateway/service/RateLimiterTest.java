package org.georisk.gateway.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The buckets' arithmetic and the Retry-After made of it, on a clock the test moves. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private long now;
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void aFullBucketLetsTheBurstThroughThenSaysHowLongToWait() {
        Bucket bucket = RateLimiter.bucket(2, 3, clock);
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(0, RateLimiter.tryTake(bucket));
        // empty: one token comes back after half a second at 2/s, rounded up to whole seconds
        assertEquals(1, RateLimiter.tryTake(bucket));
    }

    @Test
    void tokensComeBackAtTheRateButNeverPastTheBurst() {
        Bucket bucket = RateLimiter.bucket(1, 2, clock);
        RateLimiter.tryTake(bucket);
        RateLimiter.tryTake(bucket);
        assertEquals(1, RateLimiter.tryTake(bucket));
        now = SECOND;
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(1, RateLimiter.tryTake(bucket));
        // a long pause refills only up to the burst
        now = 100 * SECOND;
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(1, RateLimiter.tryTake(bucket));
    }

    @Test
    void aSlowRateGivesALongRetryAfter() {
        Bucket bucket = RateLimiter.bucket(0.1, 1, clock);
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(10, RateLimiter.tryTake(bucket));
        now = 5 * SECOND;
        assertEquals(5, RateLimiter.tryTake(bucket));
    }

    @Test
    void waitingTakesNothing() {
        Bucket bucket = RateLimiter.bucket(1, 1, clock);
        assertEquals(0, RateLimiter.waitSeconds(bucket));
        assertEquals(0, RateLimiter.waitSeconds(bucket));
        assertEquals(0, RateLimiter.tryTake(bucket));
        assertEquals(1, RateLimiter.waitSeconds(bucket));
    }
}
