package org.georisk.gateway.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.gateway.config.GatewayConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down key guessing (docs/security.md): every failed authentication takes a token from the client address's
 * Bucket4j bucket ({@code georisk.gateway.failed-auth.*}); an address with an empty bucket is answered 429 with Retry-After
 * without its key being looked at. Counted as {@code georisk_gateway_auth_failures_total{outcome=refused|throttled}}.
 * Per gateway instance, like the per-key rate limit.
 */
@ApplicationScoped
public class FailedAuthThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig config;
    private final Counter refused;
    private final Counter throttled;

    public FailedAuthThrottle(GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.refused = Counter.builder("georisk.gateway.auth.failures").tag("outcome", "refused")
                .description("failed authentications (missing, unknown or revoked key)").register(meters);
        this.throttled = Counter.builder("georisk.gateway.auth.failures").tag("outcome", "throttled")
                .description("requests refused with 429 because their address failed too often").register(meters);
    }

    /** Seconds the address must wait (the Retry-After), 0 when it may try a key. */
    public long retryAfter(String address) {
        Bucket bucket = buckets.get(address);
        long wait = bucket == null ? 0 : RateLimiter.waitSeconds(bucket);
        if (wait > 0) {
            throttled.increment();
        }
        return wait;
    }

    /** Records a failed authentication of the address. */
    public void failed(String address) {
        refused.increment();
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear();
        }
        RateLimiter.tryTake(buckets.computeIfAbsent(address, a -> RateLimiter.bucket(
                config.failedAuth().perMinute() / 60.0, config.failedAuth().burst(), TimeMeter.SYSTEM_NANOTIME)));
    }
}
