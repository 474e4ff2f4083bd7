package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Problem;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.georisk.assessment.it.AnalystRequests.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events through the real broker into the stream, assessments through the broker into the history and the API. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentServiceTest {

    private static final Instant MAR1 = Instant.parse("2025-03-01T00:00:00Z");

    @Inject
    ObjectMapper mapper;

    static GeoEvent event(String externalId, String actor1, String actor2, Instant at, double goldstein, int mentions,
                          Category category, String headline) {
        return new GeoEvent(EventIds.eventId("it", externalId), "it", externalId, at, actor1, actor2, "040", 1,
                goldstein, mentions, category, headline, null, Instant.now());
    }

    static Response latest(String pair, long version) {
        return Await.until(() -> given().get("/assessments/" + pair),
                r -> r.statusCode() == 200 && r.jsonPath().getLong("version") >= version, pair + " v" + version);
    }

    @Test
    @Order(1)
    void eventsBecomeAnAssessmentHistoryAndQueries() {
        try (EventFeed feed = new EventFeed(mapper)) {
            GeoEvent e1 = event("geo-1", "RUS", "GEO", MAR1, -6, 1, Category.DIPLOMATIC, "Embassy staff expelled");
            feed.send("GEO-RUS", e1);
            feed.send("GEO-RUS", event("geo-2", "GEO", "RUS", MAR1.plus(Duration.ofDays(30)), 4, 1,
                    Category.ECONOMIC, "Trade talks"));
            feed.send("GEO-RUS", e1); // a re-post: dropped by eventId
            feed.send("GEO-RUS", event("geo-3", "GEO", "RUS", MAR1.plus(Duration.ofDays(60)), -2, 3,
                    Category.DIPLOMATIC, "Protest note"));
        }
        // same numbers as the hand-computed unit test (AssessmentTopologyTest): structural 20.10, acute 14.60
        Response r = latest("GEO-RUS", 3);
        assertEquals(20.10, r.jsonPath().getDouble("score"));
        assertEquals(14.60, r.jsonPath().getDouble("acute"));
        assertEquals("LOW", r.jsonPath().getString("level"));
        assertEquals(3, r.jsonPath().getLong("eventCount"), "the re-post did not count");
        assertEquals(3, r.jsonPath().getLong("version"));
        assertEquals(9.41, r.jsonPath().getDouble("trend7d"));
        assertEquals(List.of("Protest note", "Trade talks", "Embassy staff expelled"),
                r.jsonPath().getList("drivers.headline"));
        assertEquals("2025-04-30T00:00:00Z", r.jsonPath().getString("asOf"));

        // lower-case and reversed keys are normalised
        given().get("/assessments/rus-geo").then().statusCode(200).body("pair", equalTo("GEO-RUS"));

        Response history = Await.until(() -> given().get("/assessments/GEO-RUS/history"),
                h -> h.statusCode() == 200 && h.jsonPath().getList("version").size() == 3, "three history rows");
        assertEquals(List.of(1, 2, 3), history.jsonPath().getList("version", Integer.class));
        given().queryParam("from", "2025-03-15T00:00:00Z").queryParam("to", "2025-04-01T00:00:00Z")
                .get("/assessments/GEO-RUS/history")
                .then().statusCode(200).body("version", equalTo(List.of(2)));

        given().queryParam("actor", "geo").get("/assessments")
                .then().statusCode(200).body("pair", hasItem("GEO-RUS"));
        given().queryParam("actor", "GEO").queryParam("minLevel", "GUARDED").get("/assessments")
                .then().statusCode(200).body("pair", not(hasItem("GEO-RUS")));
    }

    @Test
    @Order(2)
    void atALaterInstantEachHalfLifeDecaysByItsOwnFactor() {
        latest("GEO-RUS", 3);
        // 30 days after asOf (recomputed by hand from the three stories at T = day 90 and day 83): 19.29, trend −0.19;
        // the strongest driver halves: 0.4197 → 0.2099
        given().queryParam("at", "2025-05-30T00:00:00Z").get("/assessments/GEO-RUS")
                .then().statusCode(200)
                .body("score", equalTo(19.29f))
                .body("trend7d", equalTo(-0.19f))
                .body("categoryScores.DIPLOMATIC", equalTo(20.87f))
                .body("drivers[0].contribution", equalTo(0.2099f))
                .body("version", equalTo(3))
                .body("asOf", equalTo("2025-05-30T00:00:00Z"));
        // three days after asOf the week before (Apr 26) still excludes the Apr 30 protest note's story: 20.02 now,
        // 10.64 then
        given().queryParam("at", "2025-05-03T00:00:00Z").get("/assessments/GEO-RUS")
                .then().statusCode(200)
                .body("score", equalTo(20.02f))
                .body("trend7d", equalTo(9.38f));
        given().queryParam("at", "2025-04-29T00:00:00Z").get("/assessments/GEO-RUS")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("at"));
        given().queryParam("at", "yesterday").get("/assessments/GEO-RUS")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("at"));
    }

    @Test
    @Order(3)
    void badAndUnknownPairsAreProblems() {
        given().get("/assessments/XX-YY").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("pair"));
        given().get("/assessments/AZERUS").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().get("/assessments/DEU-FRA").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/assessments/DEU-FRA/history").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().queryParam("minLevel", "PURPLE").get("/assessments").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("minLevel"));
        given().queryParam("actor", "ZZZ").get("/assessments").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("actor"));
    }

    @Test
    @Order(4)
    void aPoisonRecordGoesToTheDlqAndTheStreamKeepsGoing() {
        String marker = "poison-" + UUID.randomUUID();
        try (EventFeed feed = new EventFeed(mapper)) {
            feed.sendRaw("GEO-TUR", ("{\"broken\": \"" + marker).getBytes(StandardCharsets.UTF_8));
            feed.send("GEO-TUR", event("geo-tur-1", "TUR", "GEO", MAR1, -5, 1, Category.DIPLOMATIC, "after poison"));
        }
        latest("GEO-TUR", 1);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS_DLQ));
            List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
            await("the poison record in " + Topics.EVENTS_DLQ).atMost(Await.TIMEOUT).pollInSameThread().until(() -> {
                for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(rec.value(), StandardCharsets.UTF_8).contains(marker)) {
                        parked.add(rec);
                    }
                }
                return !parked.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> rec = parked.get(0);
            assertEquals("GEO-TUR", new String(rec.key(), StandardCharsets.UTF_8));
            Header reason = rec.headers().lastHeader(Topics.DLQ_HEADER_REASON);
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).startsWith("not a GeoEvent JSON"));
            assertEquals(Topics.EVENTS, new String(
                    rec.headers().lastHeader(Topics.DLQ_HEADER_SOURCE_TOPIC).value(), StandardCharsets.UTF_8));
        }
    }
}
