package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away and comes back: ingest turns unready and refuses events with 503 and Retry-After
 * (never a silent loss), and once the broker is back everything accepted before is still there and new events
 * flow again. Last of the classes, since it takes the broker away from everyone.
 */
@SystemTest
@Order(100)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageIT {

    private static final Duration HEALTH_CHANGE = Duration.ofSeconds(60);
    private static final Duration PROCESSING = Duration.ofSeconds(90);

    private final GeoRiskSystem system;
    private final Gateway gateway;
    private final SeedFeed seed;
    private final Instant eventTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, Long> countsBefore = new LinkedHashMap<>();
    private boolean brokerStopped;

    BrokerOutageIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
        this.seed = new SeedFeed(system.root());
    }

    @Test
    @Order(1)
    void withTheBrokerDownIngestIsNotReadyAndEventsGet503WithRetryAfter() {
        assertEquals(200, gateway.postNdjson(seed.text).statusCode(), "the sample is in");
        long azeRus = seed.ofPair("AZE-RUS").size();
        assertNotNull(gateway.awaitAssessment("AZE-RUS", a -> a.path("eventCount").asLong() >= azeRus, PROCESSING));
        // Accepted (202 = Kafka acknowledged) right before the outage, not yet necessarily assessed.
        Response lastBefore = gateway.postEvent(SeedFeed.event("before-outage-" + UUID.randomUUID(), eventTime,
                "ISL", "NOR", "173", "System test: accepted just before the broker stops"));
        assertEquals(202, lastBefore.statusCode(), lastBefore.asString());
        snapshotCounts();

        system.stopBroker();
        brokerStopped = true;

        assertTrue(awaitIngestReady(code -> code == 503), "ingest readiness should go DOWN (503) within "
                + HEALTH_CHANGE.toSeconds() + " s of the broker stopping; ingest log:\n"
                + system.logTail("ingest-service", 30));
        for (String service : new String[]{"assessment-service", "notification-service"}) {
            assertTrue(awaitReady(service, code -> code == 503), service + " readiness should go DOWN (503) within "
                    + HEALTH_CHANGE.toSeconds() + " s of the broker stopping; log:\n" + system.logTail(service, 30));
        }

        Response refused = gateway.postEvent(SeedFeed.event("during-outage-" + UUID.randomUUID(), eventTime,
                "ISL", "SWE", "173", "System test: posted while the broker is down"));
        assertEquals(503, refused.statusCode(), "an event that Kafka cannot take is refused: " + refused.asString());
        assertNotNull(refused.header("Retry-After"), "a 503 tells the feed when to retry");
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    }

    @Test
    @Order(2)
    void whenTheBrokerIsBackIngestIsReadyNewEventsFlowAndNothingAcceptedIsLost() {
        if (brokerStopped) {
            system.startBroker();
            brokerStopped = false;
        }
        assertTrue(awaitIngestReady(code -> code == 200), "ingest readiness should be UP again within "
                + HEALTH_CHANGE.toSeconds() + " s of the broker's return; ingest log:\n"
                + system.logTail("ingest-service", 30));
        for (String service : new String[]{"assessment-service", "notification-service"}) {
            assertTrue(awaitReady(service, code -> code == 200), service + " readiness should be UP again within "
                    + HEALTH_CHANGE.toSeconds() + " s of the broker's return; log:\n" + system.logTail(service, 30));
        }

        Response after = gateway.postEvent(SeedFeed.event("after-outage-" + UUID.randomUUID(), eventTime,
                "ISL", "DNK", "173", "System test: posted after the broker came back"));
        assertEquals(202, after.statusCode(), after.asString());

        assertNotNull(gateway.awaitAssessment("DNK-ISL", a -> a.path("eventCount").asLong() == 1, PROCESSING),
                "the event posted after the outage is assessed; assessment log:\n"
                        + system.logTail("assessment-service", 30));
        assertNotNull(gateway.awaitAssessment("ISL-NOR", a -> a.path("eventCount").asLong() == 1, PROCESSING),
                "the event accepted just before the outage is assessed");
        for (Map.Entry<String, Long> before : countsBefore.entrySet()) {
            JsonNode now = gateway.awaitAssessment(before.getKey(),
                    a -> a.path("eventCount").asLong() >= before.getValue(), PROCESSING);
            assertNotNull(now, before.getKey() + " still has its " + before.getValue() + " events");
        }
    }

    @AfterAll
    void brokerRunsAgain() {
        if (brokerStopped) {
            system.startBroker();
        }
    }

    private void snapshotCounts() {
        JsonNode all = Gateway.parse(gateway.assessments().asString());
        JsonNode list = all.isArray() ? all : all.path("items");
        list.forEach(a -> countsBefore.put(a.path("pair").asText(), a.path("eventCount").asLong()));
        assertTrue(countsBefore.containsKey("AZE-RUS"), "GET /api/v1/assessments lists AZE-RUS: " + all);
    }

    private boolean awaitIngestReady(IntPredicate status) {
        return awaitReady("ingest-service", status);
    }

    private boolean awaitReady(String service, IntPredicate status) {
        try {
            await().atMost(HEALTH_CHANGE).pollInterval(Duration.ofMillis(500))
                    .until(() -> status.test(system.readyStatus(service)));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
