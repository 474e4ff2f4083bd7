package org.georisk.notification.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Tunables of alert evaluation, the outbox relay and webhook delivery (application.properties, georisk.notification.*). */
@ConfigMapping(prefix = "georisk.notification")
public interface NotificationConfig {

    /** How many days of score history (event time) are kept per pair; the longest SCORE_JUMP window allowed. */
    int scoreHistoryDays();

    Relay relay();

    Webhooks webhooks();

    /**
     * Base64 of the 32-byte AES key that encrypts webhook secrets at rest (repository.SecretColumnConverter reads it
     * from the configuration itself; declared here so a missing value stops the start in production).
     */
    String secretKey();

    interface Relay {
        /** Timer of the safety-net run (the relay also runs right after each batch of assessments raising alerts). */
        Duration interval();

        /** Outbox rows published per transaction. */
        int batchSize();
    }

    interface Webhooks {
        /**
         * Whether webhook URLs may point at loopback (127/8, ::1): the local run and the tests, whose receivers run on
         * the same machine. Every other non-public address is refused in every profile (WebhookAddressRules).
         */
        boolean allowLoopback();

        Duration connectTimeout();

        /** How long to wait for the receiver's answer. */
        Duration readTimeout();

        /** Attempts before a delivery becomes a dead letter. */
        int maxAttempts();

        /** Delay before the second attempt; doubled for each further one, with jitter, capped by maxDelay. */
        Duration baseDelay();

        Duration maxDelay();

        /** How often the worker looks for due deliveries. */
        Duration pollInterval();

        /** Deliveries claimed per worker run. */
        int batchSize();
    }
}
