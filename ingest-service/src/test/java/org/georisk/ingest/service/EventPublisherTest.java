package org.georisk.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker-down path without a broker: what a 503 is made of. */
class EventPublisherTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static GeoEvent event(String id) {
        return new GeoEvent(UUID.randomUUID(), "t", id, Instant.parse("2025-04-07T00:00:00Z"), "RUS", "AZE", "036", 1,
                4.0, 1, Category.DIPLOMATIC, null, null, Instant.now());
    }

    private EventPublisher publisher(MockProducer<String, String> producer) {
        return new EventPublisher(producer, mapper, Duration.ofMillis(200), TextMapPropagator.noop());
    }

    @Test
    void returnsOnceEveryRecordIsAcknowledgedKeyedByPair() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        publisher(producer).publishAll(List.of(event("a"), event("b")));
        assertEquals(2, producer.history().size());
        assertEquals(Topics.EVENTS, producer.history().get(0).topic());
        assertEquals("AZE-RUS", producer.history().get(0).key());
        assertTrue(producer.history().get(0).value().contains("\"occurredAt\":\"2025-04-07T00:00:00Z\""));
    }

    @Test
    void noAcknowledgementWithinTheTimeoutIsBrokerUnavailable() {
        MockProducer<String, String> silent = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
        assertThrows(BrokerUnavailableException.class, () -> publisher(silent).publishAll(List.of(event("a"))));
    }

    @Test
    void aFailedRecordFailsTheWholeBatch() {
        MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
        Thread broker = new Thread(() -> {
            while (producer.history().size() < 2) {
                Thread.onSpinWait();
            }
            producer.completeNext();
            producer.errorNext(new NetworkException("broker gone"));
        });
        broker.start();
        EventPublisher patient = new EventPublisher(producer, mapper, Duration.ofSeconds(30), TextMapPropagator.noop());
        BrokerUnavailableException e = assertThrows(BrokerUnavailableException.class,
                () -> patient.publishAll(List.of(event("a"), event("b"))));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
    }

    @Test
    void aSendThatCannotReachTheBrokerIsBrokerUnavailable() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producer.sendException = new TimeoutException("Topic georisk.events not present in metadata after 200 ms.");
        assertThrows(BrokerUnavailableException.class, () -> publisher(producer).publishAll(List.of(event("a"))));
    }
}
