package org.georisk.systest;

import org.georisk.bench.crash.CrashReport;
import org.georisk.bench.crash.CrashTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short {@code ./georisk crashtest}: a small load (50 events/s) while ingest-service and then notification-service
 * are killed with SIGKILL and started again, then the documented rebuild. Nothing acknowledged may be lost or counted
 * twice, every alert of the webhook subscription must arrive exactly once, and every final assessment must equal the
 * rebuilt one. The broker kill and the 1,000 events/s belong to the full command (docs/reliability.md); here the
 * broker stays, since BrokerOutageIT takes it away on its own terms later.
 */
@SystemTest
@Order(85)
class CrashIT {

    private final GeoRiskSystem system;

    CrashIT(GeoRiskSystem system) {
        this.system = system;
    }

    @Test
    void killedServicesLoseNothingCountNothingTwiceAndTheFinalStateEqualsTheRebuild() throws Exception {
        CrashTest.Settings settings = new CrashTest.Settings(system.gatewayUrl(), system.kafkaBootstrap(),
                GeoRiskSystem.FEED_KEY, GeoRiskSystem.ANALYST_KEY, 50, 10,
                List.of("ingest-service", "notification-service"), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(10), 60, true, system.logsDir().resolveSibling("crashtest"));
        CrashReport report = new CrashTest(settings, new SystemTestControl(system), () -> -1, System.out).run();
        report.print(System.out);

        assertAll(
                () -> assertTrue(report.acknowledged() > 100, "the load was acknowledged: " + report.acknowledged()),
                () -> assertEquals(2, report.recoveries().size(), "both kills happened: " + report.recoveries()),
                () -> assertEquals(0, report.lost(), "acknowledged events lost"),
                () -> assertEquals(0, report.countedTwice(), "events counted twice"),
                () -> assertTrue(report.deliveredTwice().isEmpty(), "alerts delivered twice: " + report.deliveredTwice()),
                () -> assertTrue(report.notDelivered().isEmpty(), "alerts not delivered: " + report.notDelivered()),
                () -> assertTrue(report.rebuildDifferences().isEmpty(),
                        "final assessments differ from the rebuild: " + report.rebuildDifferences()));
    }
}
