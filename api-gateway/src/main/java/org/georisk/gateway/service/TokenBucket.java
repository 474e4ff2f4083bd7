package org.georisk.gateway.service;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one.
 * Time comes in as nanoseconds from the caller, so the arithmetic is testable without a clock.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Whole seconds until a token will be there, 0 when there is one now; takes nothing. */
    public synchronized long waitSeconds(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
            lastNanos = nowNanos;
        }
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may go on, else the whole seconds (at least 1) until a token will be there
     */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
}
