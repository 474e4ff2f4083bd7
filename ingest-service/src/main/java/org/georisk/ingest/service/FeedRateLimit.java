package org.georisk.ingest.service;

/**
 * A feed's request rate at the gateway: a token bucket refilled at {@code requestsPerSecond}, holding at most
 * {@code burst} requests.
 */
public record FeedRateLimit(double requestsPerSecond, int burst) {

    /** Bounds of what ops may set: at least one request a second, at most what one gateway could ever serve. */
    public static final double MAX_PER_SECOND = 1_000_000;
    public static final int MAX_BURST = 10_000_000;
}
