package org.georisk.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.stream.PushTracing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An alert's push to live clients is a span in the trace the alert record carries (the event's trace, put there by
 * notification-service), under the Kafka connector's receive span of that record, so a tracing backend shows the
 * event's way up to the gateway's clients.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class PushTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private KafkaProducer<String, String> producer;

    @Inject
    ApiKeyService keys;

    @Inject
    ObjectMapper mapper;

    @Inject
    RecordedSpans spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/stream/alerts")
    URI alerts;

    @BeforeEach
    void setUp() {
        TestKeys.register(keys);
        producer = TopicWriter.producer(bootstrap);
    }

    @Test
    void thePushIsAConsumerSpanUnderTheRecordsTraceparent() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = spanId();
        Alert alert = alert("AZE-RUS", UUID.randomUUID());
        RecordMetadata written;
        try (SseTestClient client = SseTestClient.open(alerts, TestKeys.ANALYST, null)) {
            assertEquals("connected", client.comments.poll(10, TimeUnit.SECONDS));
            written = produce(alert.pair(), mapper.writeValueAsString(alert), traceId, parentSpanId);
            assertNotNull(client.next(WAIT), "the alert did not reach the client");
        }

        SpanData push = pushSpanOf(traceId);
        SpanData receive = parentOf(push);
        assertEquals(SpanKind.CONSUMER, receive.getKind(), "the connector's span of the record");
        assertEquals(parentSpanId, receive.getParentSpanId(), "under the record's traceparent");
        assertTrue(receive.getParentSpanContext().isRemote());
        assertEquals(SpanKind.CONSUMER, push.getKind());
        assertEquals(StatusCode.UNSET, push.getStatus().getStatusCode());
        Attributes attributes = push.getAttributes();
        assertEquals("kafka", attributes.get(stringKey("messaging.system")));
        assertEquals(Topics.ALERTS, attributes.get(stringKey("messaging.destination.name")));
        assertEquals(Integer.toString(written.partition()),
                attributes.get(stringKey("messaging.destination.partition.id")));
        assertEquals(written.offset(), attributes.get(longKey("messaging.kafka.offset")));
        assertEquals("AZE-RUS", attributes.get(stringKey("georisk.pair")));
        assertEquals("LEVEL_UP", attributes.get(stringKey("georisk.alert.kind")));
        assertEquals(alert.alertId().toString(), attributes.get(stringKey("georisk.alert.id")));
        assertEquals(Boolean.FALSE, attributes.get(booleanKey("georisk.alert.repeat")));
        Long clients = attributes.get(longKey("georisk.push.connected_clients"));
        assertTrue(clients != null && clients >= 1, "connected clients " + clients);
    }

    @Test
    void anUnreadableAlertRecordsItsErrorOnTheSpan() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = spanId();
        produce("AZE-RUS", "{not an alert", traceId, parentSpanId);

        SpanData push = pushSpanOf(traceId);
        assertEquals(parentSpanId, parentOf(push).getParentSpanId());
        assertEquals(StatusCode.ERROR, push.getStatus().getStatusCode());
        assertTrue(push.getEvents().stream().anyMatch(e -> e.getName().equals("exception")),
                "the exception is recorded: " + push.getEvents());
    }

    /** Waits for the push span of that trace to be exported (spans are exported in batches, every 100 ms here). */
    private SpanData pushSpanOf(String traceId) throws InterruptedException {
        List<SpanData> found = org.awaitility.Awaitility.await("span " + PushTracing.ALERT_PUSH + " in trace " + traceId)
                .atMost(WAIT).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> spans.ofTrace(traceId).stream()
                        .filter(s -> s.getName().equals(PushTracing.ALERT_PUSH)).toList(), list -> !list.isEmpty());
        assertEquals(1, found.size(), "one push span");
        return found.get(0);
    }

    /** The span the push is a child of, once exported. */
    private SpanData parentOf(SpanData span) {
        return org.awaitility.Awaitility.await("parent of " + span.getName()).atMost(WAIT)
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> spans.ofTrace(span.getTraceId()).stream()
                        .filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
    }

    /** As notification-service's relay writes an alert: the event's trace context in a traceparent header. */
    private RecordMetadata produce(String pair, String value, String traceId, String spanId) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS, pair, value);
        record.headers().add("traceparent",
                ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get();
    }

    private static String spanId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    private static Alert alert(String pair, UUID alertId) {
        PairAssessment assessment = new PairAssessment(pair, 55.25, Level.ELEVATED, 55.25, 40.0, 15.25, 60.0, 42.1,
                Map.of(Category.DIPLOMATIC, 55.25), 12.0, List.of(), 7, 5, 3, Instant.parse("2025-04-07T00:00:00Z"));
        return new Alert(alertId, pair, AlertKind.LEVEL_UP, pair + " rose to ELEVATED.", Level.ELEVATED,
                Level.GUARDED, 55.25, 3, null, Instant.now(), assessment);
    }
}
