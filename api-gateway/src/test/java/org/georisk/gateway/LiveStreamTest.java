package org.georisk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts and assessments produced to the real broker reach SSE and WebSocket clients of the gateway. */
@QuarkusTest
class LiveStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a test listens for something that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private KafkaProducer<String, String> producer;

    @Inject
    ApiKeyService keys;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/stream/alerts")
    URI alerts;

    @TestHTTPResource("/api/v1/stream/assessments")
    URI assessments;

    @TestHTTPResource("/api/v1/ws")
    URI ws;

    @BeforeEach
    void setUp() {
        TestKeys.register(keys);
        producer = TopicWriter.producer(bootstrap);
    }

    @Test
    void anAlertOnTheTopicReachesAnSseClient() throws Exception {
        try (SseTestClient client = connect(alerts, null)) {
            Alert alert = produceAlert("AZE-RUS", UUID.randomUUID());
            SseTestClient.Event event = client.next(WAIT);
            assertNotNull(event, "no alert arrived");
            assertEquals("alert", event.name());
            assertNotNull(event.id());
            JsonNode data = mapper.readTree(event.data());
            assertEquals(alert.alertId().toString(), data.get("alertId").asText());
            assertEquals("AZE-RUS", data.get("pair").asText());
            assertEquals("LEVEL_UP", data.get("kind").asText());
        }
    }

    @Test
    void aRepeatedAlertIsPushedOnce() throws Exception {
        try (SseTestClient client = connect(alerts, null)) {
            UUID repeated = UUID.randomUUID();
            produceAlert("AZE-RUS", repeated);
            produceAlert("AZE-RUS", repeated);
            UUID next = UUID.randomUUID();
            produceAlert("AZE-RUS", next);
            List<SseTestClient.Event> events = client.until(e -> e.data().contains(next.toString()), WAIT);
            events.addAll(client.take(1, QUIET));
            assertEquals(List.of(repeated.toString(), next.toString()), alertIds(events));
        }
    }

    @Test
    void reconnectingWithLastEventIdGetsExactlyTheMissedAlerts() throws Exception {
        String lastSeen;
        try (SseTestClient first = connect(alerts, null)) {
            produceAlert("ARM-RUS", UUID.randomUUID());
            SseTestClient.Event seen = first.next(WAIT);
            assertNotNull(seen);
            lastSeen = seen.id();
        }
        List<String> missed = new ArrayList<>();
        try (SseTestClient witness = connect(alerts, null)) {
            for (int i = 0; i < 3; i++) {
                missed.add(produceAlert("ARM-RUS", UUID.randomUUID()).alertId().toString());
            }
            assertEquals(missed, alertIds(witness.take(3, WAIT)), "the gateway did not get the alerts");
        }
        try (SseTestClient resumed = connect(alerts, lastSeen)) {
            List<SseTestClient.Event> replayed = new ArrayList<>(resumed.take(3, WAIT));
            replayed.addAll(resumed.take(1, QUIET));
            assertEquals(missed, alertIds(replayed));
        }
    }

    @Test
    void fiftyClientsAllReceiveTheAlert() throws Exception {
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(connect(alerts, null));
            }
            Alert alert = produceAlert("AZE-TUR", UUID.randomUUID());
            for (SseTestClient client : clients) {
                SseTestClient.Event event = client.next(WAIT);
                assertNotNull(event, "a client got nothing");
                assertEquals(alert.alertId().toString(), mapper.readTree(event.data()).get("alertId").asText());
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void aPairFilterKeepsOtherPairsOut() throws Exception {
        try (SseTestClient client = connect(URI.create(alerts + "?pair=rus-aze"), null)) {
            produceAlert("ARM-RUS", UUID.randomUUID());
            Alert wanted = produceAlert("AZE-RUS", UUID.randomUUID());
            List<SseTestClient.Event> events = new ArrayList<>(
                    client.until(e -> e.data().contains(wanted.alertId().toString()), WAIT));
            events.addAll(client.take(1, QUIET));
            assertEquals(List.of(wanted.alertId().toString()), alertIds(events));
        }
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/stream/alerts?pair=NOT-A-PAIR").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void assessmentsStreamToo() throws Exception {
        try (SseTestClient client = connect(assessments, null)) {
            PairAssessment assessment = new PairAssessment("AZE-TUR", 12.5, Level.LOW, 12.5, 10.0, 2.5, 30.0, 9.0,
                    Map.of(Category.DIPLOMATIC, 12.5), -1.0, List.of(), 4, 4, System.nanoTime(), Instant.now());
            producer.send(new ProducerRecord<>(Topics.ASSESSMENTS, "AZE-TUR", mapper.writeValueAsString(assessment))).get();
            SseTestClient.Event event = client.next(WAIT);
            assertNotNull(event);
            assertEquals("assessment", event.name());
            assertEquals(assessment.version(), mapper.readTree(event.data()).get("version").asLong());
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() throws Exception {
        try (SseTestClient client = connect(alerts, null)) {
            // %test sets the heartbeat to one second
            assertEquals("heartbeat", client.comments.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theKeyMayComeAsAQueryParameterForEventSource() throws Exception {
        try (SseTestClient client = SseTestClient.open(URI.create(alerts + "?apiKey=" + TestKeys.ANALYST), null, null)) {
            assertEquals(200, client.status);
            assertEquals("connected", client.comments.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWebSocketSubscriberGetsTheSameJson() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("X-API-Key", TestKeys.ANALYST)
                .buildAsync(URI.create(ws.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"subscribe\": \"nonsense\"}", true).get(5, TimeUnit.SECONDS);
            assertTrue(messages.poll(10, TimeUnit.SECONDS).contains("error"));
            socket.sendText("{\"subscribe\": \"alerts\"}", true).get(5, TimeUnit.SECONDS);
            assertEquals("alerts", mapper.readTree(messages.poll(10, TimeUnit.SECONDS)).get("subscribed").asText());
            Alert alert = produceAlert("AZE-RUS", UUID.randomUUID());
            String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(message, "no alert over the WebSocket");
            assertEquals(mapper.readTree(mapper.writeValueAsString(alert)), mapper.readTree(message));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void pushMetricsAreExported() throws Exception {
        try (SseTestClient client = connect(alerts, null)) {
            produceAlert("AZE-RUS", UUID.randomUUID());
            assertNotNull(client.next(WAIT));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("georisk_push_clients{"))
                    .body(containsString("georisk_alerts_pushed_total{"))
                    .body(containsString("georisk_alert_push_delay_seconds_bucket{"));
        }
    }

    /** Opens a stream and waits for its first line, written once the client is registered with the hub. */
    private SseTestClient connect(URI uri, String lastEventId) throws Exception {
        SseTestClient client = SseTestClient.open(uri, TestKeys.ANALYST, lastEventId);
        assertEquals(200, client.status);
        assertEquals("connected", client.comments.poll(10, TimeUnit.SECONDS));
        return client;
    }

    @Test
    void theEventReceivedToPushDelayIsMeasuredFromTheAlertRecordsHeader() throws Exception {
        String count = "georisk_event_push_delay_seconds_count";
        double before = sample(given().get("/q/metrics").asString(), count);
        try (SseTestClient client = connect(alerts, null)) {
            Alert alert = alert("AZE-RUS", UUID.randomUUID());
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS, alert.pair(),
                    mapper.writeValueAsString(alert));
            // as notification-service writes it: the event's trace and when ingest received the event
            record.headers().add("traceparent",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
            record.headers().add("georisk.event.received-at",
                    Long.toString(Instant.now().minusSeconds(2).toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            assertNotNull(client.next(WAIT));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(before + 1, sample(metrics, count), count);
        assertTrue(sample(metrics, "georisk_event_push_delay_seconds_sum") >= 2.0, "at least the 2 s before the push");
        assertTrue(metrics.contains("georisk_event_push_delay_seconds_bucket{"), "a histogram");
    }

    private static double sample(String metrics, String name) {
        return java.util.Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l) // an exemplar follows the value
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private Alert alert(String pair, UUID alertId) {
        PairAssessment assessment = new PairAssessment(pair, 55.25, Level.ELEVATED, 55.25, 40.0, 15.25, 60.0, 42.1,
                Map.of(Category.DIPLOMATIC, 55.25), 12.0, List.of(), 7, 5, 3, Instant.parse("2025-04-07T00:00:00Z"));
        return new Alert(alertId, pair, AlertKind.LEVEL_UP, pair + " rose to ELEVATED.", Level.ELEVATED,
                Level.GUARDED, 55.25, 3, null, Instant.now(), assessment);
    }

    private Alert produceAlert(String pair, UUID alertId) throws Exception {
        PairAssessment assessment = new PairAssessment(pair, 55.25, Level.ELEVATED, 55.25, 40.0, 15.25, 60.0, 42.1,
                Map.of(Category.DIPLOMATIC, 55.25), 12.0, List.of(), 7, 5, 3, Instant.parse("2025-04-07T00:00:00Z"));
        Alert alert = new Alert(alertId, pair, AlertKind.LEVEL_UP, pair + " rose to ELEVATED.", Level.ELEVATED,
                Level.GUARDED, 55.25, 3, null, Instant.now(), assessment);
        producer.send(new ProducerRecord<>(Topics.ALERTS, pair, mapper.writeValueAsString(alert))).get();
        return alert;
    }

    private List<String> alertIds(List<SseTestClient.Event> events) throws Exception {
        List<String> ids = new ArrayList<>();
        for (SseTestClient.Event event : events) {
            ids.add(mapper.readTree(event.data()).get("alertId").asText());
        }
        return ids;
    }
}
