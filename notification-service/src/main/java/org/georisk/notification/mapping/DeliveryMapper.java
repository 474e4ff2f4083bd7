package org.georisk.notification.mapping;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.WebhookDelivery;
import org.georisk.notification.repository.DeliveryEntity;

/** Delivery log row → what the ops endpoint shows (never the secret or the body). */
public final class DeliveryMapper {

    private DeliveryMapper() {
    }

    public static WebhookDelivery toContract(DeliveryEntity e) {
        return new WebhookDelivery(e.id, e.alertId, e.subscriptionId, e.pair, AlertKind.valueOf(e.kind), e.url,
                e.status, e.attempts, e.lastStatus, e.lastError,
                DeliveryEntity.PENDING.equals(e.status) ? e.nextAttemptAt : null, e.createdAt, e.updatedAt);
    }
}
