package org.georisk.contracts;

/**
 * Answer of ingest-service {@code POST /feeds/authenticate}: the feed a key belongs to, and the request rate the
 * gateway is to allow it (a token bucket: {@code requestsPerSecond} refill, {@code burst} capacity), which ops set per
 * feed (docs/operations.md, "Feeds").
 */
public record FeedCredential(String feed, double requestsPerSecond, int burst) {
}
