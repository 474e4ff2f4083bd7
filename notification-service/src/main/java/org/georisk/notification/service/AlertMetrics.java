package org.georisk.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Alert;

import java.util.List;

/**
 * Counters ops watch: alerts raised (by kind and source), alerts published, and webhook deliveries (by outcome).
 * Created at start, so the published and delivery counters are scraped at 0 before anything happens: a counter born
 * at 1 shows no increase() to an alert rule (monitoring/prometheus/rules/georisk-alerts.yml).
 */
@Startup
@ApplicationScoped
public class AlertMetrics {

    /** The outcomes {@link #delivery} is called with. */
    static final List<String> DELIVERY_OUTCOMES = List.of("delivered", "retry", "dead_letter", "resent");

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        DELIVERY_OUTCOMES.forEach(outcome -> registry.counter("georisk.webhook.deliveries", "outcome", outcome));
        registry.counter("georisk.alerts.published");
    }

    public void alertRaised(Alert alert) {
        registry.counter("georisk.alerts.raised",
                "kind", alert.kind().name(),
                "source", alert.subscriptionId() == null ? "builtin" : "subscription").increment();
    }

    /** outcome: delivered, retry (failed, will be tried again), dead_letter (failed for the last time), resent. */
    public void delivery(String outcome) {
        registry.counter("georisk.webhook.deliveries", "outcome", outcome).increment();
    }

    public void alertsPublished(int count) {
        registry.counter("georisk.alerts.published").increment(count);
    }
}
