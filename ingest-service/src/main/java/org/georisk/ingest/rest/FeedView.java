package org.georisk.ingest.rest;

import org.georisk.ingest.repository.FeedEntity;

import java.time.Instant;

/** A feed as ops see it: never its key or key hash. */
public record FeedView(String name, boolean active, Instant createdAt, Instant revokedAt, long accepted, long rejected,
                       long duplicates, Instant lastSeenAt) {

    static FeedView of(FeedEntity f) {
        return new FeedView(f.name, f.active(), f.createdAt, f.revokedAt, f.accepted, f.rejected, f.duplicates, f.lastSeenAt);
    }
}
