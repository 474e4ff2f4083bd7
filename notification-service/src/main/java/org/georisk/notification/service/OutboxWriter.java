package org.georisk.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Alert;
import org.georisk.notification.repository.DeliveryEntity;
import org.georisk.notification.repository.OutboxAlertEntity;

import java.time.Instant;
import java.util.UUID;

/** Writes an alert (and its webhook delivery) inside the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Adds the alert to the outbox and returns the JSON written; null if an alert with this id is already there. */
    public String add(Alert alert, Instant now) {
        return add(alert, now, EventOrigin.UNKNOWN);
    }

    /** As {@link #add(Alert, Instant)}, keeping where the event came from (trace, received time) for the relay. */
    public String add(Alert alert, Instant now, EventOrigin origin) {
        if (OutboxAlertEntity.exists(alert.alertId())) {
            return null;
        }
        OutboxAlertEntity row = new OutboxAlertEntity();
        row.alertId = alert.alertId();
        row.pair = alert.pair();
        row.kind = alert.kind().name();
        row.subscriptionId = alert.subscriptionId();
        row.payload = toJson(alert);
        row.createdAt = now;
        row.traceparent = origin.traceparent();
        row.eventReceivedAt = origin.eventReceivedAt();
        row.persist();
        return row.payload;
    }

    /** A delivery of exactly the bytes that went to the outbox, due at once. */
    public void addDelivery(Alert alert, String payload, SubscriptionRules subscription, Instant now) {
        DeliveryEntity d = new DeliveryEntity();
        d.id = UUID.randomUUID();
        d.alertId = alert.alertId();
        d.subscriptionId = subscription.id();
        d.pair = alert.pair();
        d.kind = alert.kind().name();
        d.url = subscription.webhookUrl();
        d.secret = subscription.webhookSecret();
        d.payload = payload;
        d.status = DeliveryEntity.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.updatedAt = now;
        d.persist();
    }

    private String toJson(Alert alert) {
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise alert " + alert.alertId(), e);
        }
    }
}
