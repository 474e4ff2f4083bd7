package org.georisk.ingest.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.georisk.ingest.mapping.ArchivedEventMapper;
import org.georisk.ingest.repository.ArchivedEventEntity;
import org.georisk.ingest.repository.EventArchiveRepository;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Archives every record of {@code georisk.events} once (consumer group {@code georisk-ingest-archive}), a poll batch
 * per transaction (one commit per batch, not per event). The insert is idempotent on eventId, so redeliveries and
 * replays are no-ops.
 *
 * <p>One record never stops the archive. A record that is not a readable GeoEvent, or one the database refuses
 * ({@link StoreFailures#isRecordFault}: a value too long or out of range), is copied to {@code georisk.events.dlq}
 * (original key and value, the contract's {@code georisk.dlq.*} headers saying why and where from) and the batch goes
 * on: when the batch's transaction fails on a record, it is rolled back and every row is inserted again in a
 * transaction of its own, which finds the bad one(s). A database that cannot store anything is not the record's
 * fault: it fails the batch, the channel stops (failure-strategy=fail, readiness DOWN) and the uncommitted offsets
 * are read again after a restart, so no event is lost or parked in the DLQ by an outage.
 */
@ApplicationScoped
public class EventArchiveConsumer {

    private static final Logger LOG = Logger.getLogger(EventArchiveConsumer.class);

    /** A record read as an event, with the row it becomes. */
    private record Pending(ConsumerRecord<String, String> record, ArchivedEventEntity row) {
    }

    private final ObjectMapper mapper;
    private final ArchivedEventMapper rows;
    private final EventArchiveRepository archive;
    private final Producer<String, String> producer;
    /** Registered at 0 when the consumer starts: a counter born at 1 shows no increase() to the DLQ alert. */
    private final Counter parked;

    public EventArchiveConsumer(ObjectMapper mapper, ArchivedEventMapper rows, EventArchiveRepository archive,
                                Producer<String, String> producer, MeterRegistry meters) {
        this.mapper = mapper;
        this.rows = rows;
        this.archive = archive;
        this.producer = producer;
        this.parked = Counter.builder("georisk.ingest.archive.dlq")
                .description("records of georisk.events the archive sent to georisk.events.dlq").register(meters);
    }

    @Incoming("events-archive")
    @Blocking
    public void archive(ConsumerRecords<String, String> batch) {
        Instant now = Instant.now();
        List<Pending> pending = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                pending.add(new Pending(record, rows.toEntity(read(record.value()), record.value(), now)));
            } catch (Exception e) {
                deadLetter(record, "not a readable GeoEvent: " + e.getMessage(), e);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> archive.insertAllIfAbsent(pending.stream().map(Pending::row).toList()));
        } catch (RuntimeException batchFailure) {
            if (!StoreFailures.isRecordFault(batchFailure)) {
                throw batchFailure; // the database's fault: nothing committed, the batch is read again
            }
            LOG.warnf("a record of the batch cannot be stored (%s); storing its %d rows one by one",
                    StoreFailures.describe(batchFailure), pending.size());
            pending.forEach(this::storeAlone);
        }
    }

    private void storeAlone(Pending p) {
        try {
            QuarkusTransaction.requiringNew().run(() -> archive.insertIfAbsent(p.row()));
        } catch (RuntimeException e) {
            if (!StoreFailures.isRecordFault(e)) {
                throw e;
            }
            deadLetter(p.record(), "the archive cannot store it: " + StoreFailures.describe(e), e);
        }
    }

    private GeoEvent read(String json) throws Exception {
        if (json == null) {
            throw new IllegalArgumentException("record without a value");
        }
        GeoEvent event = mapper.readValue(json, GeoEvent.class);
        if (event == null || event.eventId() == null || event.actor1() == null || event.occurredAt() == null
                || event.source() == null || event.externalId() == null) {
            throw new IllegalArgumentException("record is not a complete GeoEvent");
        }
        // the insert converts the time so; a time beyond it must fail here, as the record's fault, not in the insert
        OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        return event;
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason, Exception cause) {
        LOG.warnf("record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                Topics.EVENTS_DLQ, reason);
        ProducerRecord<String, String> dlq = new ProducerRecord<>(Topics.EVENTS_DLQ, record.key(), record.value());
        header(dlq, Topics.DLQ_HEADER_REASON, reason);
        header(dlq, Topics.DLQ_HEADER_EXCEPTION, cause.getClass().getName());
        header(dlq, Topics.DLQ_HEADER_SOURCE_TOPIC, record.topic());
        header(dlq, Topics.DLQ_HEADER_SOURCE_PARTITION, Integer.toString(record.partition()));
        header(dlq, Topics.DLQ_HEADER_SOURCE_OFFSET, Long.toString(record.offset()));
        try {
            // acknowledged before the batch commits, so a parked record is never lost either
            producer.send(dlq).get(30, TimeUnit.SECONDS);
            parked.increment();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park a record in " + Topics.EVENTS_DLQ, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        String bounded = value.length() > 1000 ? value.substring(0, 1000) : value;
        record.headers().add(name, bounded.getBytes(StandardCharsets.UTF_8));
    }
}
