package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** The event's trace goes on: an assessment record's traceparent ends up on the alert record it raises. */
@QuarkusTest
class AlertTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Inject
    ObjectMapper json;

    @Test
    void theAlertRecordCarriesTheAssessmentsTraceparentAndTheCountersMove() throws Exception {
        String pair = "EST-LVA";
        try (Assessments in = new Assessments(json); KafkaConsumer<String, String> alerts = alertConsumer()) {
            // a first assessment above LOW is a LEVEL_UP from LOW (built-in rule)
            Instant received = Instant.parse("2025-04-01T00:00:05.123Z");
            in.sendTraced(Assessments.of(pair, 1, Instant.parse("2025-04-01T00:00:00Z"), 60), TRACEPARENT, received);
            ConsumerRecord<String, String> alert = awaitAlert(alerts, pair, Duration.ofSeconds(30));
            Header header = alert.headers().lastHeader("traceparent");
            assertNotNull(header, "the alert record has a traceparent header");
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);
            assertEquals(TRACE_ID, traceparent.split("-")[1], "same trace id as the assessment record");
            Header receivedAt = alert.headers().lastHeader("georisk.event.received-at");
            assertNotNull(receivedAt, "the alert record says when the event was received");
            assertEquals(Long.toString(received.toEpochMilli()), new String(receivedAt.value(), StandardCharsets.UTF_8));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertMetric(metrics, "georisk_alerts_published_total");
        assertMetric(metrics, "georisk_alerts_raised_total{kind=\"LEVEL_UP\",source=\"builtin\"}");
        // the micrometer Kafka binder (quarkus.micrometer.binder.kafka.enabled) exposes the clients' own metrics
        assertMetric(metrics, "kafka_consumer_");
        assertMetric(metrics, "jvm_memory_used_bytes");
    }

    private static void assertMetric(String metrics, String name) {
        given().get("/q/metrics").then().body(containsString(name));
        if (!metrics.contains(name)) {
            fail(name + " missing from /q/metrics");
        }
    }

    private static ConsumerRecord<String, String> awaitAlert(KafkaConsumer<String, String> consumer, String pair,
                                                            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (pair.equals(record.key())) {
                    return record;
                }
            }
        }
        return fail("no alert for " + pair + " within " + timeout);
    }

    private static KafkaConsumer<String, String> alertConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
