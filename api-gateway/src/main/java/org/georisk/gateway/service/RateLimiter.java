package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.gateway.config.GatewayConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key ({@code georisk.gateway.rate-limit.*}). Per gateway instance: with N instances behind a
 * balancer a key gets up to N times the rate, which is the usual trade for keeping no shared state.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** 0 when the call may go on, else the seconds to wait (the Retry-After). */
    public long acquire(String bucketKey) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
        TokenBucket bucket = buckets.computeIfAbsent(bucketKey, k -> new TokenBucket(
                config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), now));
        return bucket.tryTake(now);
    }
}
