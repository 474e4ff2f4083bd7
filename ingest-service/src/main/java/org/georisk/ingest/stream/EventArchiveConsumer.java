package org.georisk.ingest.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.events.GeoEventCheck;
import org.georisk.ingest.mapping.ArchivedEventMapper;
import org.georisk.ingest.repository.ArchivedEventEntity;
import org.georisk.ingest.repository.EventArchiveRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Archives every record of {@code georisk.events} once (consumer group {@code georisk-ingest-archive}), a poll batch
 * per transaction (one commit per batch, not per event). The insert is idempotent on eventId, so redeliveries and
 * replays are no-ops.
 *
 * <p>One record never stops the archive. A record that breaks the contract ({@link GeoEventCheck}, the check the
 * assessment stream applies too) or one the database refuses ({@link StoreFailures#isRecordFault}) is skipped with a
 * warning and the {@code georisk.ingest.archive.skipped} counter. It is not copied to {@code georisk.events.dlq}: the
 * assessment topology owns that topic and parks every record the contract refuses there exactly once (in the same
 * transaction as its offset). When the batch's transaction fails on a record, it is rolled back and every row is
 * inserted again in a transaction of its own, which finds the bad one(s). A database that cannot store anything is
 * not the record's fault: it fails the batch, the channel stops (failure-strategy=fail, readiness DOWN) and the
 * uncommitted offsets are read again after a restart, so no event is lost or skipped by an outage.
 */
@ApplicationScoped
public class EventArchiveConsumer {

    private static final Logger LOG = Logger.getLogger(EventArchiveConsumer.class);

    /** A record read as an event, with the row it becomes. */
    private record Pending(ConsumerRecord<String, String> record, ArchivedEventEntity row) {
    }

    private final GeoEventCheck check;
    private final ArchivedEventMapper rows;
    private final EventArchiveRepository archive;
    /** Registered at 0 when the consumer starts: a counter born at 1 shows no increase() to an alert rule. */
    private final Counter skipped;

    public EventArchiveConsumer(ObjectMapper mapper, ArchivedEventMapper rows, EventArchiveRepository archive,
                                MeterRegistry meters) {
        this.check = new GeoEventCheck(mapper);
        this.rows = rows;
        this.archive = archive;
        this.skipped = Counter.builder("georisk.ingest.archive.skipped")
                .description("records of georisk.events not archived: refused by the contract or the database")
                .register(meters);
    }

    @Incoming("events-archive")
    @Blocking
    public void archive(ConsumerRecords<String, String> batch) {
        Instant now = Instant.now();
        List<Pending> pending = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> record : batch) {
            GeoEventCheck.Outcome read = check.read(record.key(), record.value());
            if (read.ok()) {
                pending.add(new Pending(record, rows.toEntity(read.event(), record.value(), now)));
            } else {
                skip(record, read.reason());
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
            skip(p.record(), "the archive cannot store it: " + StoreFailures.describe(e));
        }
    }

    private void skip(ConsumerRecord<String, String> record, String reason) {
        skipped.increment();
        LOG.warnf("record %s-%d@%d not archived: %s", record.topic(), record.partition(), record.offset(), reason);
    }
}
