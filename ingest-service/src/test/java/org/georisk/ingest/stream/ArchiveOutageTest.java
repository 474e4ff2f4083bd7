package org.georisk.ingest.stream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that cannot store anything (here: the archive table is gone, SQLSTATE 42P01) is not the record's fault:
 * the consumer fails without committing (readiness DOWN) and skips nothing. Its own Quarkus app (a test
 * profile), because the failed channel stays failed until a restart.
 */
@QuarkusTest
@TestProfile(ArchiveOutageTest.OwnApp.class)
class ArchiveOutageTest {

    /** No overrides: a separate application instance, restarted for the next test class. */
    public static class OwnApp implements QuarkusTestProfile {
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOutageFailsTheBatchWithoutCommittingOrSkipping() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        String marker = "outage-" + UUID.randomUUID();
        sql("ALTER TABLE event_archive RENAME TO event_archive_away");
        try {
            RecordMetadata sent;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                sent = producer.send(new ProducerRecord<>(Topics.EVENTS, "ARM-GEO", event(marker))).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);

            TopicPartition tp = new TopicPartition(sent.topic(), sent.partition());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBrokerResource.bootstrapServers()))) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("georisk-ingest-archive")
                        .partitionsToOffsetAndMetadata().get().get(tp);
                assertTrue(committed == null || committed.offset() <= sent.offset(),
                        "the record's offset was committed: " + committed + " past " + sent.offset());
            }
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().noneMatch(l -> l.startsWith("georisk_ingest_archive_skipped_total")
                    && !l.endsWith(" 0.0")), "an outage skipped a good record");
        } finally {
            sql("ALTER TABLE event_archive_away RENAME TO event_archive");
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String event(String externalId) {
        return """
                {"eventId":"%s","source":"outage-test","externalId":"%s","occurredAt":"1917-01-01T00:00:00Z",
                 "actor1":"ARM","actor2":"GEO","cameoCode":"036","quadClass":1,"goldstein":4.0,"mentions":1,
                 "category":"DIPLOMATIC","receivedAt":"2025-01-01T00:00:00Z"}"""
                .formatted(UUID.nameUUIDFromBytes(externalId.getBytes()), externalId);
    }
}
