package org.georisk.ingest.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.georisk.ingest.mapping.ArchivedEventMapper;
import org.georisk.ingest.repository.EventArchiveRepository;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Archives every record of {@code georisk.events} once (consumer group {@code georisk-ingest-archive}), a poll batch
 * per transaction (one commit per batch, not per event). The insert is idempotent on eventId, so redeliveries and
 * replays are no-ops.
 *
 * <p>A record that is not a readable GeoEvent is copied to {@code georisk.events.dlq} (original key and value, the
 * contract's {@code georisk.dlq.*} headers saying why and where from) and the batch goes on. A database failure is
 * not the record's fault: it fails the batch, the channel stops (failure-strategy=fail, readiness DOWN) and the
 * uncommitted offsets are read again after a restart, so no event is lost or parked in the DLQ by an outage.
 */
@ApplicationScoped
public class EventArchiveConsumer {

    private static final Logger LOG = Logger.getLogger(EventArchiveConsumer.class);

    private final ObjectMapper mapper;
    private final ArchivedEventMapper rows;
    private final EventArchiveRepository archive;
    private final Producer<String, String> producer;

    public EventArchiveConsumer(ObjectMapper mapper, ArchivedEventMapper rows, EventArchiveRepository archive,
                                Producer<String, String> producer) {
        this.mapper = mapper;
        this.rows = rows;
        this.archive = archive;
        this.producer = producer;
    }

    @Incoming("events-archive")
    @Blocking
    @Transactional
    public void archive(ConsumerRecords<String, String> batch) {
        Instant now = Instant.now();
        for (ConsumerRecord<String, String> record : batch) {
            GeoEvent event;
            try {
                event = read(record.value());
            } catch (Exception e) {
                deadLetter(record, e);
                continue;
            }
            archive.insertIfAbsent(rows.toEntity(event, record.value(), now));
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
        return event;
    }

    private void deadLetter(ConsumerRecord<String, String> record, Exception cause) {
        LOG.warnf("unreadable record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                Topics.EVENTS_DLQ, cause.getMessage());
        ProducerRecord<String, String> dlq = new ProducerRecord<>(Topics.EVENTS_DLQ, record.key(), record.value());
        header(dlq, Topics.DLQ_HEADER_REASON, String.valueOf(cause.getMessage()));
        header(dlq, Topics.DLQ_HEADER_EXCEPTION, cause.getClass().getName());
        header(dlq, Topics.DLQ_HEADER_SOURCE_TOPIC, record.topic());
        header(dlq, Topics.DLQ_HEADER_SOURCE_PARTITION, Integer.toString(record.partition()));
        header(dlq, Topics.DLQ_HEADER_SOURCE_OFFSET, Long.toString(record.offset()));
        try {
            // acknowledged before the batch commits, so a parked record is never lost either
            producer.send(dlq).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park an unreadable record in " + Topics.EVENTS_DLQ, e);
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
