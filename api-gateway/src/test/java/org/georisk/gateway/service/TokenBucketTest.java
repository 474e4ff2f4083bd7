package org.georisk.gateway.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        // empty: one token comes back after half a second at 2/s, rounded up to whole seconds
        assertEquals(1, bucket.tryTake(0));
    }

    @Test
    void tokensComeBackAtTheRateButNeverPastTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertEquals(1, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(SECOND));
        assertEquals(1, bucket.tryTake(SECOND));
        // a long pause refills only up to the burst
        assertEquals(0, bucket.tryTake(100 * SECOND));
        assertEquals(0, bucket.tryTake(100 * SECOND));
        assertEquals(1, bucket.tryTake(100 * SECOND));
    }

    @Test
    void aSlowRateGivesALongRetryAfter() {
        TokenBucket bucket = new TokenBucket(0.1, 1, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(10, bucket.tryTake(0));
        assertEquals(5, bucket.tryTake(5 * SECOND));
    }
}
