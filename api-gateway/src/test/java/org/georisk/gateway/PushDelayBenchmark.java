package org.georisk.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Level;
import org.georisk.contracts.Topics;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Prints the gateway's share of the alert delay: an Alert produced to georisk.alerts (acks=all) until an SSE client
 * of this gateway has read it, for 1,000 alerts sent one by one, with 10 clients connected. Not a test: run with
 * {@code mvn -o -pl api-gateway verify -Dgeorisk.bench=true -Dtest=PushDelayBenchmark}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "georisk.bench", matches = "true")
class PushDelayBenchmark {

    private static final int ALERTS = 1000;
    private static final int CLIENTS = 10;

    @Inject
    ApiKeyService keys;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/stream/alerts")
    URI alerts;

    @Test
    void producedToPushed() throws Exception {
        TestKeys.register(keys);
        List<SseTestClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            SseTestClient client = SseTestClient.open(alerts, TestKeys.ANALYST, null);
            client.comments.poll(10, TimeUnit.SECONDS);
            clients.add(client);
        }
        List<Long> micros = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < ALERTS; i++) {
                Alert alert = new Alert(UUID.randomUUID(), "AZE-RUS", AlertKind.SCORE_JUMP, "bench " + i,
                        Level.HIGH, Level.ELEVATED, 71.5, i, null, Instant.now(), null);
                String json = mapper.writeValueAsString(alert);
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.ALERTS, alert.pair(), json));
                producer.flush();
                for (SseTestClient client : clients) {
                    SseTestClient.Event event = client.next(Duration.ofSeconds(30));
                    if (event == null || !event.data().contains(alert.alertId().toString())) {
                        throw new IllegalStateException("alert " + i + " did not arrive in order");
                    }
                }
                micros.add((System.nanoTime() - start) / 1000);
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
        Collections.sort(micros);
        System.out.printf("PUSH-DELAY produced->read by all %d SSE clients, %d alerts: p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                CLIENTS, ALERTS, micros.get(ALERTS / 2) / 1000.0, micros.get(ALERTS * 99 / 100) / 1000.0,
                micros.get(ALERTS - 1) / 1000.0);
    }
}
