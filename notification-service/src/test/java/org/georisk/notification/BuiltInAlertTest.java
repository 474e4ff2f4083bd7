package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The built-in level-change rule, end to end: georisk.assessments in, georisk.alerts out. */
@QuarkusTest
class BuiltInAlertTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void levelChangesRaiseAlertsSameLevelUpdatesAndRedeliveriesDoNot() {
        String pair = "FIN-NOR";
        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            PairAssessment v2 = Assessments.of(pair, 2, T0.plusSeconds(3600), 30);
            in.send(Assessments.of(pair, 1, T0, 10));                     // LOW, as a new pair counts from: nothing
            in.send(v2);                                                    // LOW -> GUARDED
            in.send(v2);                                                    // the same (pair, version) again
            in.send(Assessments.of(pair, 3, T0.plusSeconds(7200), 35));    // still GUARDED: nothing
            in.send(v2);                                                    // older than the stored v3
            in.send(Assessments.of(pair, 4, T0.plusSeconds(9000), 12));    // GUARDED -> LOW

            List<Alert> alerts = out.until(a -> a.pair().equals(pair) && a.subscriptionId() == null,
                    a -> a.pair().equals(pair) && a.assessmentVersion() == 4, TIMEOUT);

            assertEquals(List.of(AlertKind.LEVEL_UP, AlertKind.LEVEL_DOWN), alerts.stream().map(Alert::kind).toList());
            Alert up = alerts.get(0);
            assertEquals(2, up.assessmentVersion());
            assertEquals(Level.LOW, up.previousLevel());
            assertEquals(Level.GUARDED, up.level());
            assertEquals(30.0, up.score());
            assertNull(up.subscriptionId());
            assertEquals("FIN-NOR rose from LOW to GUARDED (score 30.00): driven by \"Event 2 between FIN-NOR\" "
                    + "(2025-03-01).", up.message());
            assertEquals(v2, up.assessment());
            Alert down = alerts.get(1);
            assertEquals(Level.GUARDED, down.previousLevel());
            assertEquals(Level.LOW, down.level());
            assertNotEquals(up.alertId(), down.alertId());
        }
        // counted right after the evaluating transaction commits, which the relay's timer may just beat
        String counter = "georisk_alerts_raised_total{kind=\"LEVEL_DOWN\",source=\"builtin\"}";
        org.awaitility.Awaitility.await().atMost(TIMEOUT)
                .pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> given().get("/q/metrics").then().statusCode(200).body(containsString(counter)));
    }

    @Test
    void publishedAlertsAreListedNewestFirstByPair() {
        String pair = "BEL-LUX";
        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            in.send(Assessments.of(pair, 1, T0, 10));
            in.send(Assessments.of(pair, 2, T0.plusSeconds(3600), 30));   // LOW -> GUARDED
            in.send(Assessments.of(pair, 3, T0.plusSeconds(7200), 12));   // GUARDED -> LOW
            out.until(a -> a.pair().equals(pair), a -> a.pair().equals(pair) && a.assessmentVersion() == 3, TIMEOUT);
        }
        // the relay flags a row published right after the broker's acknowledgement, which the consumer may beat
        org.awaitility.Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .untilAsserted(() -> As.analyst("dashboard-reader").get("/alerts?pair=" + pair).then().statusCode(200)
                        .body("kind", org.hamcrest.Matchers.contains("LEVEL_DOWN", "LEVEL_UP"))
                        .body("assessment.version", org.hamcrest.Matchers.contains(3, 2)));
        As.analyst("dashboard-reader").get("/alerts?pair=" + pair + "&limit=1").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.contains("LEVEL_DOWN"));
        As.analyst("dashboard-reader").get("/alerts").then().statusCode(200)
                .body("pair", org.hamcrest.Matchers.hasItem(pair));
        given().get("/alerts?pair=" + pair).then().statusCode(401);
    }

    @Test
    void aFirstAssessmentAboveLowIsALevelUpFromLow() {
        String pair = "EST-LVA";
        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            in.send(Assessments.of(pair, 1, T0, 52.5));

            List<Alert> alerts = out.until(a -> a.pair().equals(pair), a -> a.pair().equals(pair), TIMEOUT);

            assertEquals(1, alerts.size());
            assertEquals(AlertKind.LEVEL_UP, alerts.get(0).kind());
            assertEquals(Level.LOW, alerts.get(0).previousLevel());
            assertEquals(Level.ELEVATED, alerts.get(0).level());
        }
    }

    @Test
    void unreadableRecordsAreSkippedAndTheNextAssessmentIsEvaluated() {
        String pair = "ALB-MKD";
        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            in.sendRaw(pair, "{not json");
            in.sendRaw(pair, "{\"pair\":\"mkd-alb\",\"score\":30,\"level\":\"GUARDED\",\"version\":1,"
                    + "\"asOf\":\"2025-03-01T00:00:00Z\"}");
            in.send(Assessments.of(pair, 1, T0, 30));

            List<Alert> alerts = out.until(a -> a.pair().equals(pair), a -> a.pair().equals(pair), TIMEOUT);

            assertEquals(1, alerts.size());
            assertEquals(AlertKind.LEVEL_UP, alerts.get(0).kind());
        }
    }
}
