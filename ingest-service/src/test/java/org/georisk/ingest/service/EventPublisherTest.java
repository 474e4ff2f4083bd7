package org.georisk.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker-down path without a broker: what a 503 is made of (the emitter answers each message's ack or nack). */
class EventPublisherTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static GeoEvent event(String id) {
        return new GeoEvent(UUID.randomUUID(), "t", id, Instant.parse("2025-04-07T00:00:00Z"), "RUS", "AZE", "036", 1,
                4.0, 1, Category.DIPLOMATIC, null, null, Instant.now());
    }

    private EventPublisher publisher(Broker broker) {
        return new EventPublisher(broker, mapper, Duration.ofMillis(200));
    }

    @Test
    void returnsOnceEveryRecordIsAcknowledgedKeyedByPair() {
        Broker broker = new Broker(m -> Uni.createFrom().voidItem());
        publisher(broker).publishAll(List.of(event("a"), event("b")));
        assertEquals(2, broker.sent.size());
        Message<?> first = broker.sent.get(0);
        assertEquals("AZE-RUS", first.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());
        assertTrue(first.getPayload().toString().contains("\"occurredAt\":\"2025-04-07T00:00:00Z\""));
    }

    @Test
    void allRecordsAreSentBeforeAnyAcknowledgementIsAwaited() {
        // the broker acknowledges nothing until it has the whole request: one wait for all, not one per record
        CompletableFuture<Void> all = new CompletableFuture<>();
        Broker[] holder = new Broker[1];
        holder[0] = new Broker(m -> {
            if (holder[0].sent.size() == 3) {
                all.complete(null);
            }
            return Uni.createFrom().completionStage(all);
        });
        publisher(holder[0]).publishAll(List.of(event("a"), event("b"), event("c")));
        assertEquals(3, holder[0].sent.size());
    }

    @Test
    void noAcknowledgementWithinTheTimeoutIsBrokerUnavailable() {
        Broker silent = new Broker(m -> Uni.createFrom().nothing());
        assertThrows(BrokerUnavailableException.class, () -> publisher(silent).publishAll(List.of(event("a"))));
    }

    @Test
    void aFailedRecordFailsTheWholeBatch() {
        Broker broker = new Broker(m -> m.getPayload().toString().contains("\"b\"")
                ? Uni.createFrom().failure(new NetworkException("broker gone")) : Uni.createFrom().voidItem());
        EventPublisher patient = new EventPublisher(broker, mapper, Duration.ofSeconds(30));
        BrokerUnavailableException e = assertThrows(BrokerUnavailableException.class,
                () -> patient.publishAll(List.of(event("a"), event("b"))));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
    }

    @Test
    void aSendThatCannotReachTheBrokerIsBrokerUnavailable() {
        // what the connector nacks with when max.block.ms passes without metadata
        Broker broker = new Broker(m -> Uni.createFrom().failure(
                new TimeoutException("Topic georisk.events not present in metadata after 200 ms.")));
        assertThrows(BrokerUnavailableException.class, () -> publisher(broker).publishAll(List.of(event("a"))));
    }

    /** An emitter whose acknowledgements the test decides; it records each message when it is sent. */
    private static final class Broker implements MutinyEmitter<String> {
        final List<Message<?>> sent = new CopyOnWriteArrayList<>();
        private final Function<Message<?>, Uni<Void>> answer;

        Broker(Function<Message<?>, Uni<Void>> answer) {
            this.answer = answer;
        }

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
            return Uni.createFrom().deferred(() -> {
                sent.add(message);
                return answer.apply(message);
            });
        }

        @Override
        public Uni<Void> send(String payload) {
            return sendMessage(Message.of(payload));
        }

        @Override
        public void sendAndAwait(String payload) {
            send(payload).await().indefinitely();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            return send(payload).subscribe().with(x -> { });
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            sendMessage(message).subscribe().with(x -> { });
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
            sendMessage(message).await().indefinitely();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
            return sendMessage(message).subscribe().with(x -> { });
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
