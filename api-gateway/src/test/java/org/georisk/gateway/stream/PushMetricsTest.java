package org.georisk.gateway.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.georisk.gateway.service.LivePushService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** georisk_alerts_pushed_total exists per transport before any client, and counts alerts only. */
class PushMetricsTest {

    @Test
    void pushedCountersExistAtZeroForEveryTransportAndCountAlertsOnly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PushMetrics metrics = new PushMetrics();
        metrics.registry = registry;
        metrics.registerPushedAtZero();
        assertEquals(List.of(LivePushService.SSE, LivePushService.WEBSOCKET), PushMetrics.TRANSPORTS);
        for (String transport : PushMetrics.TRANSPORTS) {
            assertNotNull(registry.find("georisk.alerts.pushed").tag("transport", transport).counter(), transport);
        }
        metrics.pushed(LivePushService.SSE, StreamKind.ALERTS);
        metrics.pushed(LivePushService.SSE, StreamKind.ASSESSMENTS);
        assertEquals(1, registry.get("georisk.alerts.pushed").tag("transport", "sse").counter().count());
        assertEquals(0, registry.get("georisk.alerts.pushed").tag("transport", "websocket").counter().count());
    }
}
