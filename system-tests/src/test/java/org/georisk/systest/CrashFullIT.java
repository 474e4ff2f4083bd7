package org.georisk.systest;

import org.georisk.bench.crash.CrashReport;
import org.georisk.bench.crash.CrashTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole crash test on the system tests' processes, for a machine whose ports 8080-8083 and 9092 are taken:
 * every service and the broker killed in turn under load. Opt-in ({@code -Dgeorisk.crash.full=true}, rate with
 * {@code -Dgeorisk.crash.rate}, default 1,000 events/s): it takes several minutes, longer than CI affords.
 */
@SystemTest
@Order(86)
@EnabledIfSystemProperty(named = "georisk.crash.full", matches = "true")
class CrashFullIT {

    private final GeoRiskSystem system;

    CrashFullIT(GeoRiskSystem system) {
        this.system = system;
    }

    @Test
    void everyComponentKilledUnderLoadLosesNothingAndCountsNothingTwice() throws Exception {
        double rate = Double.parseDouble(System.getProperty("georisk.crash.rate", "1000"));
        CrashTest.Settings settings = new CrashTest.Settings(system.gatewayUrl(), system.kafkaBootstrap(),
                GeoRiskSystem.FEED_KEY, GeoRiskSystem.ANALYST_KEY, rate, 50,
                List.of("ingest-service", "assessment-service", "notification-service", "api-gateway",
                        CrashTest.BROKER), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(20), 60,
                true, system.logsDir().resolveSibling("crashtest-full"));
        CrashReport report = new CrashTest(settings, new CrashControl(system), system::brokerPid, System.out).run();
        report.print(System.out);

        assertEquals(5, report.recoveries().size(), "every kill happened");
        assertTrue(report.passed(), "the crash test passed (report above)");
    }
}
