package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record the archive cannot read or store goes to the DLQ, is counted, and the archive keeps archiving. */
@QuarkusTest
class ArchiveConsumerTest {

    /** What the DLQ alert watches (monitoring/prometheus/rules/georisk-alerts.yml). */
    private static final String PARKED = "georisk_ingest_archive_dlq_total";

    @Test
    void anUnreadableRecordGoesToTheDlqAndTheArchiveGoesOn() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        double parkedBefore = ObservabilityTest.value(ObservabilityTest.metrics(), PARKED);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.EVENTS, "AZE-RUS", "{not json " + marker)).get();
        }
        String id = "after-poison-" + UUID.randomUUID();
        EventResourceTest.post(EventResourceTest.event(id, "1907-06-01T00:00:00Z", "AZE", "RUS", "036"))
                .then().statusCode(202);
        assertTrue(EventsTopic.eventually(
                () -> EventResourceTest.total("AZE-RUS", "1907-01-01T00:00:00Z", "1908-01-01T00:00:00Z") == 1));
        var parked = EventsTopic.records(Topics.EVENTS_DLQ, r -> r.value() != null && r.value().contains(marker), 1);
        assertEquals(1, parked.size());
        assertEquals("AZE-RUS", parked.get(0).key());
        assertEquals(Topics.EVENTS, new String(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_SOURCE_TOPIC).value()));
        assertTrue(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_REASON).value().length > 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(parkedBefore + 1,
                ObservabilityTest.value(ObservabilityTest.metrics(), PARKED), PARKED + " counts the parked record"));
    }

    /**
     * A GeoEvent the database refuses (its pair is longer than the column; validation never lets one through, but the
     * log may hold anything) is parked with the reason, the events around it in the same batch are archived, and
     * what is posted afterwards is archived and recognised as a duplicate: the consumer did not stop.
     */
    @Test
    void aRecordTheArchiveCannotStoreGoesToTheDlqAndTheArchiveGoesOn() throws Exception {
        String run = UUID.randomUUID().toString();
        GeoEvent unstorable = event(run + "-bad", "ARMENIA-REPUBLIC-OF", "GEO");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50, // one batch, so the bad row shares a transaction with good ones
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (GeoEvent e : List.of(event(run + "-1", "ARM", "GEO"), unstorable, event(run + "-2", "ARM", "GEO"))) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, 0, "ARM-GEO", EventsTopic.MAPPER.writeValueAsString(e)));
            }
            producer.flush();
        }
        InputRulesTest.awaitArchived("ARM-GEO", "1915", 2);
        var parked = EventsTopic.records(Topics.EVENTS_DLQ,
                r -> r.value() != null && r.value().contains(unstorable.eventId().toString()), 1);
        assertEquals(1, parked.size());
        String reason = new String(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_REASON).value(), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("the archive cannot store it: ") && reason.contains("SQLSTATE 22001"), reason);
        assertEquals(Topics.EVENTS, new String(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_SOURCE_TOPIC).value()));

        String after = EventResourceTest.event("after-unstorable-" + run, "1916-06-01T00:00:00Z", "ARM", "GEO", "036");
        EventResourceTest.post(after).then().statusCode(202);
        InputRulesTest.awaitArchived("ARM-GEO", "1916", 1);
        EventResourceTest.post(after).then().statusCode(200).body("duplicate", org.hamcrest.Matchers.equalTo(true));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static GeoEvent event(String externalId, String actor1, String actor2) {
        return new GeoEvent(EventIds.eventId("archive-test", externalId), "archive-test", externalId,
                Instant.parse("1915-05-01T00:00:00Z"), actor1, actor2, "036", 1, 4.0, 1, Category.DIPLOMATIC,
                "stored or parked", null, Instant.now());
    }
}
