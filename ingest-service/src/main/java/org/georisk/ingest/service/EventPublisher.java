package org.georisk.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.opentelemetry.context.Context;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Publishes events to {@link Topics#EVENTS} (channel {@code events}: acks=all, idempotent, lz4) keyed by pair and
 * returns only once the broker acknowledged every one of them, or throws {@link BrokerUnavailableException} when that
 * did not happen within the publish timeout. All messages of a call are emitted first and their acks awaited
 * together, so a bulk request costs a few batched round trips, not one per line. Plain class (the emitter is given),
 * so the 503 path is unit-testable.
 */
public class EventPublisher {

    private final MutinyEmitter<String> events;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public EventPublisher(MutinyEmitter<String> events, ObjectMapper mapper, Duration timeout) {
        this.events = events;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    public void publishAll(List<GeoEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // Our own CPU work (serialising) happens before the clock starts: the timeout bounds the broker, not us.
        List<Message<String>> messages = new ArrayList<>(events.size());
        // The connector's tracing makes each record a child of the request's span and writes its traceparent header.
        TracingMetadata trace = TracingMetadata.withCurrent(Context.current());
        for (GeoEvent event : events) {
            messages.add(message(event, trace));
        }
        List<Uni<Void>> acks = new ArrayList<>(messages.size());
        try {
            for (Message<String> message : messages) {
                acks.add(this.events.sendMessage(message));
            }
            Uni.join().all(acks).andFailFast().await().atMost(timeout);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("the broker did not acknowledge within " + timeout, e);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerUnavailableException("the broker did not store the records: " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            // a nack (e.g. metadata not available within max.block.ms: the broker is unreachable) or a closed channel
            throw new BrokerUnavailableException("the broker refused the records: " + e.getMessage(), e);
        }
    }

    private Message<String> message(GeoEvent event, TracingMetadata trace) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a GeoEvent must always serialise", e);
        }
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.pairKey()).build())
                .addMetadata(trace);
    }
}
