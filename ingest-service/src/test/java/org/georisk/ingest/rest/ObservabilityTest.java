package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What ops watch on ingest: readiness, the per-feed counters, and the trace id carried onto georisk.events. */
@QuarkusTest
class ObservabilityTest {

    private static final String FEED = "obs-feed";

    @Test
    void readinessIsUpWithTheDatabaseAndKafkaChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theTraceIdOfTheRequestIsOnTheEventRecord() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = "traced-" + UUID.randomUUID();
        UUID eventId = EventIds.eventId(FEED, id);
        As.feed(FEED).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(body(id, "RUS")).post("/events").then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                EventsTopic.records(Topics.EVENTS, r -> r.value().contains(eventId.toString()), 1);
        assertEquals(1, records.size());
        Header traceparent = records.get(0).headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the event record carries a traceparent");
        assertEquals(traceId, new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]);
    }

    @Test
    void acceptedRejectedAndDuplicateCountersMovePerFeed() {
        String accepted = "georisk_ingest_events_total{feed=\"" + FEED + "\",outcome=\"accepted\"}";
        String duplicate = "georisk_ingest_events_total{feed=\"" + FEED + "\",outcome=\"duplicate\"}";
        String rejected = "georisk_ingest_events_total{feed=\"" + FEED + "\",outcome=\"rejected\"}";
        String byField = "georisk_ingest_rejections_total{feed=\"" + FEED + "\",field=\"actor2\"}";
        String before = metrics();

        String id = "counted-" + UUID.randomUUID();
        post(body(id, "RUS")).then().statusCode(202);
        post(body(id, "RUS")).then().statusCode(200).body("duplicate", equalTo(true));
        post(body("bad-" + UUID.randomUUID(), "ZZZ")).then().statusCode(400);

        String after = metrics();
        assertEquals(value(before, accepted) + 1, value(after, accepted), accepted);
        assertEquals(value(before, duplicate) + 1, value(after, duplicate), duplicate);
        assertEquals(value(before, rejected) + 1, value(after, rejected), rejected);
        assertEquals(value(before, byField) + 1, value(after, byField), byField);
        for (String standard : List.of("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "kafka_producer_", "kafka_consumer_")) {
            assertEquals(true, after.contains(standard), standard + " in /q/metrics");
        }
    }

    private static io.restassured.response.Response post(String body) {
        return As.feed(FEED).contentType(ContentType.JSON).body(body).post("/events");
    }

    private static String body(String externalId, String actor2) {
        return """
                {"externalId":"%s","occurredAt":"2025-02-10T09:00:00Z","actor1":"AZE","actor2":"%s","cameoCode":"036",
                 "headline":"observability test","mentions":1}""".formatted(externalId, actor2);
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String sample) {
        return Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith(sample + " "))
                .mapToDouble(l -> Double.parseDouble(withoutExemplar(l).substring(sample.length() + 1).trim())).sum();
    }

    /** OpenMetrics exemplars (" # {trace_id=...} value time") follow the value when a span was current. */
    private static String withoutExemplar(String line) {
        int hash = line.indexOf(" # ");
        return hash < 0 ? line : line.substring(0, hash);
    }
}
