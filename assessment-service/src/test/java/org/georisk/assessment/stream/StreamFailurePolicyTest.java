package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamFailurePolicyTest {

    /** What the stream thread threw when the broker went away while it created its changelog topics. */
    private static final StreamsException BROKER_AWAY = new StreamsException("Could not create topic",
            new InvalidReplicationFactorException("All brokers are currently fenced"));

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final StreamFailurePolicy policy = new StreamFailurePolicy(3, Duration.ofMinutes(10), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aBrokerAwayForAMomentReplacesTheThread() {
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(BROKER_AWAY));
    }

    @Test
    void failuresBeyondTheBudgetShutTheStreamDown() {
        for (int i = 0; i < 3; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(new NullPointerException()));
            now = now.plusSeconds(1);
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, policy.handle(new NullPointerException()));
    }

    @Test
    void onceOverTheBudgetEveryFailureInTheWindowShutsDown() {
        for (int i = 0; i < 3; i++) {
            policy.handle(BROKER_AWAY);
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, policy.handle(BROKER_AWAY));
        now = now.plus(Duration.ofMinutes(5));
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, policy.handle(new NullPointerException()),
                "a shutdown is not a replacement: it neither uses up nor frees the budget");
    }

    @Test
    void theBudgetRefillsAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            policy.handle(BROKER_AWAY);
        }
        now = now.plus(Duration.ofMinutes(11));
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(BROKER_AWAY));
    }
}
