package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * One webhook delivery of one alert as notification-service's delivery log shows it (the secret never appears).
 *
 * @param status        PENDING (waiting for its next attempt), DELIVERED, or DEAD (out of attempts: a dead letter)
 * @param attempts      POSTs made so far
 * @param lastStatus    HTTP status of the last attempt; absent when it got no answer
 * @param lastError     why the last attempt failed
 * @param nextAttemptAt when a PENDING delivery is tried next
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(UUID id, UUID alertId, UUID subscriptionId, String pair, AlertKind kind, String url,
                              String status, int attempts, Integer lastStatus, String lastError,
                              Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {
}
