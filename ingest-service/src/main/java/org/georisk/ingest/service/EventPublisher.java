package org.georisk.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to {@link Topics#EVENTS} keyed by pair and returns only once the broker acknowledged every one of
 * them (acks=all), or throws {@link BrokerUnavailableException} when that did not happen within the publish timeout.
 * All records of a call are handed to the producer first and awaited together, so a bulk request costs a few
 * batched round trips, not one per line. Plain class (the producer is given), so the 503 path is unit-testable.
 */
public class EventPublisher {

    private final Producer<String, String> producer;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final TextMapPropagator propagator;

    public EventPublisher(Producer<String, String> producer, ObjectMapper mapper, Duration timeout,
                          TextMapPropagator propagator) {
        this.producer = producer;
        this.mapper = mapper;
        this.timeout = timeout;
        this.propagator = propagator;
    }

    public void publishAll(List<GeoEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // Our own CPU work (serialising) happens before the clock starts: the timeout bounds the broker, not us.
        List<ProducerRecord<String, String>> records = new ArrayList<>(events.size());
        for (GeoEvent event : events) {
            records.add(record(event));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, String> record : records) {
                if (System.nanoTime() - deadline > 0) {
                    throw new BrokerUnavailableException("the broker did not take the records within " + timeout, null);
                }
                acks.add(producer.send(record));
            }
        } catch (KafkaException e) {
            // e.g. metadata not available within max.block.ms: the broker is unreachable
            throw new BrokerUnavailableException("the broker refused the records: " + e.getMessage(), e);
        }
        for (Future<RecordMetadata> ack : acks) {
            long remaining = deadline - System.nanoTime();
            try {
                ack.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new BrokerUnavailableException("the broker did not acknowledge within " + timeout, e);
            } catch (ExecutionException e) {
                throw new BrokerUnavailableException("the broker did not store the records: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
            }
        }
    }

    private ProducerRecord<String, String> record(GeoEvent event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a GeoEvent must always serialise", e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.EVENTS, event.pairKey(), json);
        // W3C traceparent of the current request, so the trace follows the event through the topic
        propagator.inject(Context.current(), record, (r, key, value) ->
                r.headers().remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
