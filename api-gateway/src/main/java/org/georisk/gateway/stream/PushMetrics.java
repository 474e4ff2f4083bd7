package org.georisk.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live-push metrics: connected clients per transport and stream ({@code georisk_push_clients}), alerts written to
 * clients ({@code georisk_alerts_pushed_total}), and the delay from an alert being raised (its {@code raisedAt},
 * set by notification-service when it evaluated the assessment) to the gateway having it ready for its clients
 * ({@code georisk_alert_push_delay_seconds}, a histogram).
 */
@Startup
@ApplicationScoped
public class PushMetrics {

    /** The transports whose pushed-alert counters exist from the start (LivePushService.SSE, WEBSOCKET). */
    static final List<String> TRANSPORTS = List.of("sse", "websocket");

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();
    private final Map<String, Counter> pushed = new ConcurrentHashMap<>();
    private Timer delay;
    private Timer eventDelay;

    private AtomicInteger gauge(String transport, StreamKind kind) {
        return clients.computeIfAbsent(transport + "/" + kind.label(), k -> registry.gauge("georisk.push.clients",
                io.micrometer.core.instrument.Tags.of("transport", transport, "stream", kind.label()),
                new AtomicInteger()));
    }

    public void connected(String transport, StreamKind kind) {
        gauge(transport, kind).incrementAndGet();
    }

    public void disconnected(String transport, StreamKind kind) {
        gauge(transport, kind).decrementAndGet();
    }

    public int connectedClients(String transport, StreamKind kind) {
        return gauge(transport, kind).get();
    }

    /** Scraped at 0 before the first client, so the dashboard and rate() see the whole series. */
    @PostConstruct
    void registerPushedAtZero() {
        TRANSPORTS.forEach(this::pushedCounter);
    }

    public void pushed(String transport, StreamKind kind) {
        if (kind == StreamKind.ALERTS) {
            pushedCounter(transport).increment();
        }
    }

    private Counter pushedCounter(String transport) {
        return pushed.computeIfAbsent(transport, t -> Counter.builder("georisk.alerts.pushed")
                .description("alerts written to live clients").tag("transport", t).register(registry));
    }

    public void alertReady(Instant raisedAt) {
        if (raisedAt == null) {
            return;
        }
        if (delay == null) {
            delay = Timer.builder("georisk.alert.push.delay")
                    .description("from an alert's raisedAt to the gateway pushing it")
                    .publishPercentileHistogram()
                    .register(registry);
        }
        Duration elapsed = Duration.between(raisedAt, Instant.now());
        delay.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    /**
     * The whole pipeline for one alert: from ingest accepting the event behind it (the record header
     * {@code georisk.event.received-at}, the event's receivedAt carried by the stream and notification-service) to
     * this gateway handing the alert to its live clients ({@code georisk_event_push_delay_seconds}).
     */
    public void eventToPush(Instant eventReceivedAt) {
        if (eventReceivedAt == null) {
            return;
        }
        if (eventDelay == null) {
            eventDelay = Timer.builder("georisk.event.push.delay")
                    .description("from ingest receiving an event to the gateway pushing the alert it raised")
                    .publishPercentileHistogram()
                    .register(registry);
        }
        Duration elapsed = Duration.between(eventReceivedAt, Instant.now());
        eventDelay.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
