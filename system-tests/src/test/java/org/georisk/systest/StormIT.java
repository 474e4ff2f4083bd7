package org.georisk.systest;

import org.georisk.bench.storm.Storm;
import org.georisk.bench.storm.StormReport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short {@code ./georisk storm} (200 of its hostile requests, every case at least once, the heavy ones capped)
 * against this module's system: no 5xx, no dropped connection, every service ready afterwards, and no event of the
 * storm on georisk.events but those a tolerant reader may accept (unknown fields, a BOM), without the values they
 * tried to spoof. Which 4xx each case got is printed, not judged here.
 */
@SystemTest
@Order(80)
class StormIT {

    private final GeoRiskSystem system;

    StormIT(GeoRiskSystem system) {
        this.system = system;
    }

    @Test
    void hostileRequestsGetNoServerErrorNoDroppedConnectionAndPublishNothingHostile() throws Exception {
        Map<String, String> services = new LinkedHashMap<>();
        GeoRiskSystem.SERVICES.forEach(s -> services.put(s, system.serviceUrl(s)));
        StormReport report = new Storm(new Storm.Settings(system.gatewayUrl(), services, system.kafkaBootstrap(),
                GeoRiskSystem.FEED_KEY, GeoRiskSystem.ANALYST_KEY, GeoRiskSystem.OPS_KEY, 200, 40, 4), System.out).run();
        report.print(System.out);

        assertAll(
                () -> assertEquals(200, report.requests(), "every planned request was sent"),
                () -> assertTrue(report.failures().isEmpty(), "5xx or dropped connections: " + report.failures()),
                () -> assertTrue(report.unhealthy().isEmpty(), "not ready after the storm: " + report.unhealthy()),
                () -> assertTrue(report.kafkaFindings().isEmpty(), "published by the storm: " + report.kafkaFindings()));
    }
}
