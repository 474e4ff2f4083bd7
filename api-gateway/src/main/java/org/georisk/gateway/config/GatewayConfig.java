package org.georisk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Tunables of the gateway (application.properties, prefix {@code georisk.gateway}). */
@ConfigMapping(prefix = "georisk.gateway")
public interface GatewayConfig {

    /** How long ingest-service's answer about a feed key (valid or not) is trusted; a revoked key dies within it. */
    @WithDefault("5s")
    Duration feedKeyCacheTtl();

    /**
     * How long the answer about one of the gateway's own keys is kept in memory; a key deleted through another
     * gateway instance dies within it (through this one, at once).
     */
    @WithDefault("5s")
    Duration keyCacheTtl();

    DevKeys devKeys();

    /**
     * The first ops key of a deployment, where no other way in exists (env {@code GEORISK_BOOTSTRAP_OPS_KEY}, none
     * by default): stored at start as the ops key named {@code bootstrap-ops}, deleted at the first start without
     * it. At least 16 characters. See {@code BootstrapOpsKey}.
     */
    Optional<String> bootstrapOpsKey();

    RateLimit rateLimit();

    Stream stream();

    ServiceToken serviceToken();

    FailedAuth failedAuth();

    /**
     * Failed authentications (a missing, unknown or revoked key) per client address: a token bucket each, and once it
     * is empty the address gets 429 with Retry-After before any key is looked at, so guessing keys is slow.
     */
    interface FailedAuth {
        /** Failures forgiven per minute, sustained. */
        @WithDefault("30")
        double perMinute();

        /** Failures in a row before the first 429. */
        @WithDefault("20")
        int burst();
    }

    /** The token the gateway signs for each call to a service (docs/security.md). */
    interface ServiceToken {
        /** Its lifetime: long enough for one call (a bulk post included), short enough that a leaked one is soon useless. */
        @WithDefault("60s")
        Duration lifetime();

        /**
         * How long one signed token serves further calls for the same audience, principal and role (signing is the
         * costliest step of a forwarded request). Well under the lifetime, so a reused token never expires in flight.
         */
        @WithDefault("20s")
        Duration reuse();
    }

    /** Development keys, set only in the local profile. */
    interface DevKeys {
        Optional<String> analyst();

        Optional<String> ops();
    }

    /** A token bucket per key. */
    interface RateLimit {
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("200")
        int burst();
    }

    /** Live push of alerts and assessments. */
    interface Stream {
        /** How far back a fresh gateway reads each topic into its resume buffer. */
        @WithDefault("24h")
        Duration retention();

        /** At most this many records per stream are kept for Last-Event-ID resume. */
        @WithDefault("10000")
        int bufferSize();

        /** Events queued for one slow client before it is disconnected. */
        @WithDefault("512")
        int clientBuffer();

        @WithDefault("15s")
        Duration heartbeat();
    }
}
