package org.georisk.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.contracts.WebhookDelivery;
import org.georisk.notification.config.NotificationConfig;
import org.georisk.notification.mapping.DeliveryMapper;
import org.georisk.notification.repository.DeliveryEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The delivery log: claiming due deliveries, recording attempts, dead letters and re-sends. */
@ApplicationScoped
public class DeliveryService {

    /** A claimed delivery: what to POST. */
    public record Due(UUID id, String url, String secret, String payload) {
    }

    private final NotificationConfig config;
    private final AlertMetrics metrics;

    public DeliveryService(NotificationConfig config, AlertMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Claims due deliveries by pushing their next attempt past the time one attempt can take: if this instance dies
     * mid-POST, another picks them up after that lease instead of never.
     */
    @Transactional
    public List<Due> claimDue() {
        Instant now = Instant.now();
        Duration lease = config.webhooks().connectTimeout().plus(config.webhooks().readTimeout()).plusSeconds(30);
        return DeliveryEntity.lockDue(now, config.webhooks().batchSize()).stream()
                .map(d -> {
                    d.nextAttemptAt = now.plus(lease);
                    return new Due(d.id, d.url, d.secret, d.payload);
                })
                .toList();
    }

    @Transactional
    public void record(UUID id, WebhookSender.Outcome outcome) {
        DeliveryEntity d = DeliveryEntity.findById(id);
        if (d == null || !DeliveryEntity.PENDING.equals(d.status)) {
            return;
        }
        Instant now = Instant.now();
        d.attempts++;
        d.lastStatus = outcome.status();
        d.updatedAt = now;
        if (outcome.delivered()) {
            d.status = DeliveryEntity.DELIVERED;
            d.lastError = null;
            metrics.delivery("delivered");
        } else if (d.attempts >= config.webhooks().maxAttempts()) {
            d.status = DeliveryEntity.DEAD;
            d.lastError = outcome.error();
            metrics.delivery("dead_letter");
        } else {
            d.lastError = outcome.error();
            d.nextAttemptAt = now.plus(Backoff.delay(d.attempts, config.webhooks().baseDelay(),
                    config.webhooks().maxDelay(), ThreadLocalRandom.current()::nextDouble));
            metrics.delivery("retry");
        }
    }

    @Transactional
    public List<WebhookDelivery> deadLetters() {
        return DeliveryEntity.deadLetters().stream().map(DeliveryMapper::toContract).toList();
    }

    /** Puts a dead letter back in the queue with a fresh set of attempts; empty if there is no such dead letter. */
    @Transactional
    public Optional<WebhookDelivery> resend(UUID id) {
        DeliveryEntity d = DeliveryEntity.findById(id);
        if (d == null || !DeliveryEntity.DEAD.equals(d.status)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        d.status = DeliveryEntity.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        metrics.delivery("resent");
        return Optional.of(DeliveryMapper.toContract(d));
    }
}
