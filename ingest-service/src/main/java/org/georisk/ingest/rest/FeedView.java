package org.georisk.ingest.rest;

import org.georisk.ingest.repository.FeedEntity;
import org.georisk.ingest.service.FeedRateLimit;

import java.time.Instant;

/** A feed as ops see it, with the rate limit that applies to it: never its key or key hash. */
public record FeedView(String name, boolean active, Instant createdAt, Instant revokedAt, long accepted, long rejected,
                       long duplicates, Instant lastSeenAt, FeedRateLimit rateLimit, boolean defaultRateLimit) {

    static FeedView of(FeedEntity f, FeedRateLimit limit) {
        return new FeedView(f.name, f.active(), f.createdAt, f.revokedAt, f.accepted, f.rejected, f.duplicates,
                f.lastSeenAt, limit, f.requestsPerSecond == null);
    }
}
