package org.georisk.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The counters the alert rules take increase() of exist at 0 from the start and then count. */
class AlertMetricsTest {

    @Test
    void deliveryOutcomesAndPublishedExistAtZeroBeforeAnythingHappens() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new AlertMetrics(registry);
        for (String outcome : AlertMetrics.DELIVERY_OUTCOMES) {
            Counter counter = registry.find("georisk.webhook.deliveries").tag("outcome", outcome).counter();
            assertNotNull(counter, "georisk_webhook_deliveries_total{outcome=\"" + outcome + "\"} registered at start");
            assertEquals(0, counter.count());
        }
        assertNotNull(registry.find("georisk.alerts.published").counter(), "georisk_alerts_published_total at start");
    }

    @Test
    void aDeadLetterMovesOnlyItsOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertMetrics metrics = new AlertMetrics(registry);
        metrics.delivery("dead_letter");
        metrics.alertsPublished(3);
        assertEquals(1, registry.get("georisk.webhook.deliveries").tag("outcome", "dead_letter").counter().count());
        assertEquals(0, registry.get("georisk.webhook.deliveries").tag("outcome", "delivered").counter().count());
        assertEquals(3, registry.get("georisk.alerts.published").counter().count());
    }
}
