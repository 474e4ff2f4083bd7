package org.georisk.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofMinutes(30);

    @Test
    void doublesPerAttemptWithinHalfToFullOfTheCeiling() {
        assertEquals(Duration.ofSeconds(5), Backoff.delay(1, BASE, MAX, () -> 0.0));
        assertEquals(Duration.ofMillis(9_995), Backoff.delay(1, BASE, MAX, () -> 0.999));
        assertEquals(Duration.ofSeconds(10), Backoff.delay(2, BASE, MAX, () -> 0.0));
        assertEquals(Duration.ofSeconds(40), Backoff.delay(4, BASE, MAX, () -> 0.0));
        assertEquals(Duration.ofSeconds(60), Backoff.delay(4, BASE, MAX, () -> 0.5));
    }

    @Test
    void isCappedAtTheMaximum() {
        assertEquals(Duration.ofMinutes(15), Backoff.delay(20, BASE, MAX, () -> 0.0));
        assertEquals(Duration.ofMinutes(15), Backoff.delay(10_000, BASE, MAX, () -> 0.0));
    }
}
