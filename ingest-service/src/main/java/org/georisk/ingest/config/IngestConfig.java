package org.georisk.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Tunables of ingest-service ({@code georisk.ingest.*} in application.properties). */
@ConfigMapping(prefix = "georisk.ingest")
public interface IngestConfig {

    /** Longest a request waits for the broker to acknowledge its records before answering 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** Seconds put in Retry-After when the broker did not acknowledge in time. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Largest single-event JSON body (bytes); larger → 413. */
    @WithDefault("1048576")
    int maxEventBytes();

    /** Largest NDJSON bulk body (bytes). */
    @WithDefault("33554432")
    int maxBulkBytes();

    /** Most non-blank lines in one NDJSON bulk request. */
    @WithDefault("10000")
    int maxBulkLines();

    /** Largest GDELT export body, and largest unzipped content of a zipped one (bytes). */
    @WithDefault("67108864")
    int maxGdeltBytes();

    /** Text bounds of a GeoEvent. */
    Limits limits();

    /**
     * How many acknowledged eventIds each instance remembers ({@code RecentEventIds}) so that a re-post is answered
     * "duplicate" before the archive has stored the first one. About 100 bytes each.
     */
    @WithDefault("200000")
    int recentIds();

    /** How often the feed registry's counters are written ({@code FeedCounters}); the metrics are exact at once. */
    @WithDefault("1s")
    Duration counterFlush();

    /** The request rate a feed gets when ops set none for it (the gateway enforces it per feed). */
    FeedRateLimit feedRateLimit();

    /** Name and key of the development feed seeded at start; only the %local profile sets the key. */
    @WithDefault("analyst-desk")
    String devFeedName();

    Optional<String> devFeedKey();

    /** Defaults equal EventValidator.DEFAULT_MAX_* (contracts), which the backtest validates with. */
    interface Limits {
        @WithDefault("100")
        int source();

        @WithDefault("200")
        int externalId();

        @WithDefault("500")
        int headline();

        @WithDefault("2048")
        int url();
    }

    /**
     * Requests per second and burst of a feed's token bucket. The default is far above what a real feed posts one
     * event at a time (a 15-minute GDELT file as single events within a minute is about 35/s): it bounds a runaway
     * client, not a feed's normal work.
     */
    interface FeedRateLimit {
        @WithDefault("1000")
        double requestsPerSecond();

        @WithDefault("5000")
        int burst();
    }
}
