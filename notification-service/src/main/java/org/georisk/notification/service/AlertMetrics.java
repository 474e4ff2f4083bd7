package org.georisk.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Alert;

/** Counters ops watch: alerts raised (by kind and source) and webhook deliveries (by outcome). */
@ApplicationScoped
public class AlertMetrics {

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void alertRaised(Alert alert) {
        registry.counter("georisk.alerts.raised",
                "kind", alert.kind().name(),
                "source", alert.subscriptionId() == null ? "builtin" : "subscription").increment();
    }

    /** outcome: delivered, retry (failed, will be tried again), dead_letter (failed for the last time). */
    public void delivery(String outcome) {
        registry.counter("georisk.webhook.deliveries", "outcome", outcome).increment();
    }

    public void alertsPublished(int count) {
        registry.counter("georisk.alerts.published").increment(count);
    }
}
