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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record the contract refuses is skipped and counted, and the archive keeps archiving; the archive never writes to
 * the DLQ (the assessment topology owns it).
 */
@QuarkusTest
class ArchiveConsumerTest {

    private static final String SKIPPED = "georisk_ingest_archive_skipped_total";

    @Test
    void anUnreadableRecordIsSkippedAndCountedAndTheArchiveGoesOn() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        double skippedBefore = skipped();
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
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(skippedBefore + 1, skipped()));
        assertTrue(EventsTopic.records(Topics.EVENTS_DLQ, r -> r.value() != null && r.value().contains(marker), 0)
                .isEmpty(), "ingest wrote to the DLQ");
    }

    /**
     * An event with an unknown actor (its pair is also longer than the column), in one batch with good events: it is
     * skipped and counted, the events around it are archived, nothing is parked by ingest, and what is posted
     * afterwards is archived and recognised as a duplicate: the consumer did not stop.
     */
    @Test
    void anEventTheContractRefusesIsSkippedAndCountedAndTheArchiveGoesOn() throws Exception {
        String run = UUID.randomUUID().toString();
        double skippedBefore = skipped();
        GeoEvent unknownActor = event(run + "-bad", "ARMENIA-REPUBLIC-OF", "GEO");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50, // one batch, so the bad records share a poll with good ones
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (GeoEvent e : List.of(event(run + "-1", "ARM", "GEO"), unknownActor, event(run + "-2", "ARM", "GEO"))) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, 0, "ARM-GEO", EventsTopic.MAPPER.writeValueAsString(e)));
            }
            producer.flush();
        }
        InputRulesTest.awaitArchived("ARM-GEO", "1915", 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(skippedBefore + 1, skipped()));
        assertTrue(EventsTopic.records(Topics.EVENTS_DLQ, r -> r.value() != null && r.value().contains(run), 0).isEmpty(),
                "ingest wrote to the DLQ");

        String after = EventResourceTest.event("after-skipped-" + run, "1916-06-01T00:00:00Z", "ARM", "GEO", "036");
        EventResourceTest.post(after).then().statusCode(202);
        InputRulesTest.awaitArchived("ARM-GEO", "1916", 1);
        EventResourceTest.post(after).then().statusCode(200).body("duplicate", org.hamcrest.Matchers.equalTo(true));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static double skipped() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(SKIPPED))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static GeoEvent event(String externalId, String actor1, String actor2) {
        return new GeoEvent(EventIds.eventId("archive-test", externalId), "archive-test", externalId,
                Instant.parse("1915-05-01T00:00:00Z"), actor1, actor2, "036", 1, 4.0, 1, Category.DIPLOMATIC,
                "stored or skipped", null, Instant.now());
    }
}
