package org.georisk.gateway.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.gateway.config.GatewayConfig;
import org.georisk.gateway.security.Caller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per key: a feed's own limit (from ingest-service's registry), else
 * {@code georisk.gateway.rate-limit.*}. A changed limit starts a new bucket. Per gateway instance: with N instances
 * behind a balancer a key gets up to N times the rate, which is the usual trade for keeping no shared state.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Limited(double perSecond, int burst, Bucket bucket) {
    }

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** 0 when the call may go on, else the seconds to wait (the Retry-After). */
    public long acquire(Caller caller) {
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear(); // bounded: a flood of keys costs their buckets, never the heap
        }
        double perSecond = caller.hasOwnRateLimit() ? caller.requestsPerSecond() : config.rateLimit().requestsPerSecond();
        int burst = caller.hasOwnRateLimit() ? caller.burst() : config.rateLimit().burst();
        Limited limited = buckets.compute(caller.bucket(), (k, old) ->
                old != null && old.perSecond == perSecond && old.burst == burst
                        ? old : new Limited(perSecond, burst, bucket(perSecond, burst, TimeMeter.SYSTEM_NANOTIME)));
        return tryTake(limited.bucket);
    }

    /**
     * A bucket of {@code burst} tokens, full at first, refilled greedily (continuously) at {@code perSecond}: one
     * token per 1/perSecond, so a rate below one a second works too.
     */
    static Bucket bucket(double perSecond, long burst, TimeMeter clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1e9 / perSecond)));
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(1, perToken))
                .withCustomTimePrecision(clock).build();
    }

    /** Takes a token: 0 when there was one, else the whole seconds (at least 1) until there will be. */
    static long tryTake(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Whole seconds until a token will be there, 0 when there is one now; takes nothing. */
    static long waitSeconds(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? 0 : seconds(nanos);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
