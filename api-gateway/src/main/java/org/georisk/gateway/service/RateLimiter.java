package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.gateway.config.GatewayConfig;
import org.georisk.gateway.security.Caller;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key: a feed's own limit (from ingest-service's registry), else {@code georisk.gateway.rate-limit.*}.
 * A changed limit starts a new bucket. Per gateway instance: with N instances behind a balancer a key gets up to N
 * times the rate, which is the usual trade for keeping no shared state.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Limited(double perSecond, int burst, TokenBucket bucket) {
    }

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** 0 when the call may go on, else the seconds to wait (the Retry-After). */
    public long acquire(Caller caller) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
        double perSecond = caller.hasOwnRateLimit() ? caller.requestsPerSecond() : config.rateLimit().requestsPerSecond();
        int burst = caller.hasOwnRateLimit() ? caller.burst() : config.rateLimit().burst();
        Limited limited = buckets.compute(caller.bucket(), (k, old) ->
                old != null && old.perSecond == perSecond && old.burst == burst
                        ? old : new Limited(perSecond, burst, new TokenBucket(perSecond, burst, now)));
        return limited.bucket.tryTake(now);
    }
}
