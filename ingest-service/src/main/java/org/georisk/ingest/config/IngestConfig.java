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

    /** Producer batching (acks=all and idempotence are fixed in code: they are the contract, not a tunable). */
    Producer producer();

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

    interface Producer {
        @WithDefault("5")
        int lingerMs();

        @WithDefault("131072")
        int batchSize();
    }
}
