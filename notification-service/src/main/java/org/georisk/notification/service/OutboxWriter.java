package org.georisk.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Alert;
import org.georisk.notification.repository.DeliveryEntity;
import org.georisk.notification.repository.OutboxAlertEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes alerts (and their webhook deliveries) inside the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {

    /**
     * An alert to write: raised by the built-in rule (subscription null) or by a subscription, from the assessment
     * record of the given origin, at {@code raisedAt}.
     */
    public record Outgoing(Alert alert, SubscriptionRules subscription, EventOrigin origin, Instant raisedAt) {
    }

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds the alerts to the outbox in the order given (the relay publishes them in that order), and a delivery of
     * exactly the bytes that went to the outbox, due at once, for each subscription with a webhook. The caller made
     * sure none of the alert ids is in the outbox yet.
     */
    public void addAll(List<Outgoing> alerts) {
        List<OutboxAlertEntity> rows = new ArrayList<>(alerts.size());
        for (Outgoing out : alerts) {
            OutboxAlertEntity row = new OutboxAlertEntity();
            row.alertId = out.alert().alertId();
            row.pair = out.alert().pair();
            row.kind = out.alert().kind().name();
            row.subscriptionId = out.alert().subscriptionId();
            row.payload = toJson(out.alert());
            row.createdAt = out.raisedAt();
            row.traceparent = out.origin().traceparent();
            row.eventReceivedAt = out.origin().eventReceivedAt();
            rows.add(row);
            if (out.subscription() != null && out.subscription().webhookUrl() != null) {
                addDelivery(out.alert(), row.payload, out.subscription(), out.raisedAt());
            }
        }
        OutboxAlertEntity.insertAll(rows);
    }

    private void addDelivery(Alert alert, String payload, SubscriptionRules subscription, Instant now) {
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
