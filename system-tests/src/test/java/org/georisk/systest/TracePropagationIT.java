package org.georisk.systest;

import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One trace follows an event: the traceparent a feed posts at the gateway comes back on the alert record the event
 * raised (gateway → ingest over HTTP, georisk.events, the stream, georisk.assessments, notification's outbox,
 * georisk.alerts).
 */
@SystemTest
@Order(50)
class TracePropagationIT {

    private static final Duration PROCESSING = Duration.ofSeconds(90);
    private static final String ALERTS = "georisk.alerts";

    private final GeoRiskSystem system;
    private final Gateway gateway;

    TracePropagationIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
    }

    @Test
    void theTraceIdPostedAtTheGatewayIsOnTheAlertRecord() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String pair = "FJI-TON"; // a pair no other test uses: its first assessment above LOW raises LEVEL_UP
        // CAMEO 190 (Goldstein −10), 3 mentions: one story, e = 1 + ln 3 → score 32.4, GUARDED (docs/scoring.md)
        String event = SeedFeed.event("trace-" + UUID.randomUUID(),
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), "FJI", "TON", "190",
                "System test: traced event");
        try (KafkaConsumer<String, String> alerts = alertConsumer()) {
            Response posted = gateway.as(GeoRiskSystem.FEED_KEY).contentType("application/json")
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .body(event.getBytes(StandardCharsets.UTF_8)).post("/events");
            assertEquals(202, posted.statusCode(), posted.asString());

            ConsumerRecord<String, String> alert = awaitAlert(alerts, pair);
            Header traceparent = alert.headers().lastHeader("traceparent");
            assertNotNull(traceparent, "the alert record carries a traceparent; notification log:\n"
                    + system.logTail("notification-service", 20));
            assertEquals(traceId, new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1],
                    "the alert continues the trace posted at the gateway");
        }
    }

    private ConsumerRecord<String, String> awaitAlert(KafkaConsumer<String, String> consumer, String pair) {
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                if (pair.equals(record.key())) {
                    return record;
                }
            }
        }
        return fail("no alert for " + pair + " within " + PROCESSING + "; notification log:\n"
                + system.logTail("notification-service", 30));
    }

    private KafkaConsumer<String, String> alertConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(ALERTS).stream()
                .map(p -> new TopicPartition(ALERTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
