package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The sample feed through the public gateway: the report's strain between Russia and Azerbaijan shows as an
 * assessment above LOW (at the February 2025 closure), a dashboard connected beforehand gets the alert live, and a
 * re-post counts nothing twice.
 */
@SystemTest
@Order(1)
class SeedFeedIT {

    static final String PAIR = "AZE-RUS";
    static final Duration PROCESSING = Duration.ofSeconds(60);

    private final GeoRiskSystem system;
    private final Gateway gateway;
    private final SeedFeed seed;

    SeedFeedIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
        this.seed = new SeedFeed(system.root());
    }

    @Test
    @Order(1)
    void seedFeedLiftsAzeRusAboveLowAndAnSseClientGetsTheAlert() {
        try (SseClient alerts = SseClient.connect(system.gatewayUrl() + "/api/v1/stream/alerts",
                GeoRiskSystem.ANALYST_KEY, Duration.ofSeconds(20))) {
            assertEquals(200, alerts.status(), "GET /api/v1/stream/alerts with the analyst key");

            Response posted = gateway.postNdjson(seed.text);
            assertEquals(200, posted.statusCode(), posted.asString());
            JsonNode result = Gateway.parse(posted.asString());
            assertEquals(0, result.path("rejected").asInt(), "rejected sample lines: " + result);
            assertEquals(seed.events.size(), result.path("accepted").asInt() + result.path("duplicates").asInt(),
                    "every sample line accepted (or already there): " + result);

            int expected = seed.ofPair(PAIR).size();
            JsonNode assessment = gateway.awaitAssessment(PAIR,
                    a -> a.path("eventCount").asLong() == expected, PROCESSING);
            assertNotNull(assessment, PAIR + " should be assessed over its " + expected + " sample events; last answer: "
                    + gateway.assessment(PAIR).asString() + "\nassessment-service log:\n"
                    + system.logTail("assessment-service", 30));
            // What the report concludes, at its date (docs/scoring.md, "The seed sample"): AZE-RUS strained, at least
            // GUARDED with DIPLOMATIC leading; its rise above LOW is pushed live as LEVEL_UP.
            SseClient.Event alert = alerts.await(e -> PAIR.equals(Gateway.parse(e.data()).path("pair").asText()),
                    PROCESSING);
            assertAll(
                    () -> assertTrue(assessment.path("asOf").asText().startsWith("2025-04-13"), assessment.toString()),
                    () -> assertNotEquals("LOW", assessment.path("level").asText(),
                            "the strain shows at the report's date: " + assessment),
                    () -> assertEquals("DIPLOMATIC", topCategory(assessment), assessment.toString()),
                    () -> {
                        assertNotNull(alert, "an alert for " + PAIR + " on the SSE stream; received: "
                                + alerts.events() + "\nnotification-service log:\n"
                                + system.logTail("notification-service", 30));
                        JsonNode body = Gateway.parse(alert.data());
                        assertEquals("LEVEL_UP", body.path("kind").asText(), "the rise is pushed first: " + body);
                        assertNotEquals("LOW", body.path("level").asText(), body.toString());
                    });
        }
    }

    private static String topCategory(JsonNode assessment) {
        String top = null;
        double best = -1;
        for (var it = assessment.path("categoryScores").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().asDouble() > best) {
                best = e.getValue().asDouble();
                top = e.getKey();
            }
        }
        return top;
    }

    @Test
    @Order(2)
    void repostingTheSameEventsLeavesTheEventCountUnchanged() {
        // Self-contained: (re)post the sample and wait until the pair has all of it.
        assertEquals(200, gateway.postNdjson(seed.text).statusCode());
        int expected = seed.ofPair(PAIR).size();
        JsonNode before = gateway.awaitAssessment(PAIR, a -> a.path("eventCount").asLong() == expected, PROCESSING);
        assertNotNull(before, PAIR + " assessed over its sample events");

        // One event of the pair again, as a single JSON post: recognised as the same event.
        JsonNode again = seed.ofPair(PAIR).get(0);
        Response single = gateway.postEvent(again.toString());
        assertEquals(200, single.statusCode(), "a re-post answers 200 duplicate=true: " + single.asString());
        assertTrue(Gateway.parse(single.asString()).path("duplicate").asBoolean(), single.asString());

        // The whole file again: every line a duplicate, none accepted.
        JsonNode bulk = Gateway.parse(gateway.postNdjson(seed.text).asString());
        assertEquals(0, bulk.path("accepted").asInt(), "nothing new in a re-posted file: " + bulk);
        assertEquals(seed.events.size(), bulk.path("duplicates").asInt(), bulk.toString());

        // A new event of the same pair travels the same partition after the re-posts, so once it is counted the
        // re-posts have been seen: the count must have grown by exactly one.
        String sentinel = SeedFeed.event("sentinel-" + UUID.randomUUID(), seed.latest(PAIR).plus(1, ChronoUnit.HOURS),
                "AZE", "RUS", "036", "System test: a new event after the re-posts");
        Response accepted = gateway.postEvent(sentinel);
        assertEquals(202, accepted.statusCode(), accepted.asString());
        long countBefore = before.path("eventCount").asLong();
        JsonNode after = gateway.awaitAssessment(PAIR, a -> a.path("eventCount").asLong() > countBefore, PROCESSING);
        assertNotNull(after, "the new event is assessed");
        // re-posted events must not count: only the one new event may add to the count, and it stays so
        await("re-posted events must not count: only the one new event may add to " + countBefore)
                .during(Duration.ofSeconds(1)).atMost(PROCESSING).until(
                () -> gateway.awaitAssessment(PAIR, a -> true, PROCESSING).path("eventCount").asLong(),
                count -> count == countBefore + 1);
    }
}
