package org.georisk.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.Alert;
import org.georisk.contracts.EventHeaders;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;
import org.georisk.notification.service.AlertMetrics;
import org.georisk.notification.service.AssessmentBatches;
import org.georisk.notification.service.EventOrigin;
import org.georisk.notification.service.OutboxRelay;
import org.georisk.notification.service.ReceivedAssessment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Reads georisk.assessments (group georisk-notification) in poll batches (connector batch mode, bounded by
 * max.poll.records) and evaluates each batch in ONE database transaction, records in partition order. The batch's
 * offsets are acknowledged only after that transaction committed; a record seen again after a crash is not newer
 * than its pair's stored version and does nothing.
 */
@ApplicationScoped
public class AssessmentConsumer {

    private final ObjectMapper json;
    private final AssessmentBatches batches;
    private final OutboxRelay relay;
    private final AlertMetrics metrics;

    public AssessmentConsumer(ObjectMapper json, AssessmentBatches batches, OutboxRelay relay, AlertMetrics metrics) {
        this.json = json;
        this.batches = batches;
        this.relay = relay;
        this.metrics = metrics;
    }

    /**
     * One poll. Acking the batch acknowledges the last record of each of its partitions (the throttled commit
     * strategy then commits those offsets), so it happens only once the batch's transaction committed.
     */
    @Incoming("assessments")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        // The batch lists its records partition by partition, each partition's in offset order: the order that counts.
        List<ReceivedAssessment> readable = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch) {
            PairAssessment assessment = read(record);
            if (assessment != null) {
                Context trace = trace(record);
                readable.add(new ReceivedAssessment(assessment, EventOrigin.of(trace, receivedAt(record)), trace));
            }
        }
        if (!readable.isEmpty()) {
            List<List<Alert>> raised = batches.evaluate(readable, () -> describe(batch));
            boolean any = false;
            for (int i = 0; i < readable.size(); i++) {
                List<Alert> alerts = raised.get(i);
                if (!alerts.isEmpty()) {
                    any = true;
                    PairAssessment assessment = readable.get(i).assessment();
                    try (Scope ignored = readable.get(i).trace().makeCurrent()) {
                        alerts.forEach(metrics::alertRaised);
                        Log.infof("%s v%d raised %d alert(s)", assessment.pair(), assessment.version(), alerts.size());
                    }
                }
            }
            if (any) {
                relay.publishPendingSoon(); // once per batch: it publishes every pending row, in outbox order
            }
        }
        return batch.ack();
    }

    /**
     * The event's trace: the connector's tracing extracts it from the record's headers (ingest's channel put it on
     * georisk.events, the stream kept it on georisk.assessments) and starts a receive span under it, one per record
     * of the batch. Made current while the record is evaluated, so log lines carry its trace id.
     */
    private static Context trace(KafkaRecord<String, String> record) {
        return record.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
    }

    private static Instant receivedAt(KafkaRecord<String, String> record) {
        String millis = lastHeader(record.getHeaders(), EventHeaders.EVENT_RECEIVED_AT);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null; // a metric input only: never a reason to skip the assessment
        }
    }

    private static String lastHeader(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** "georisk.assessments-2 offsets 10..509, …" for the log. */
    private static String describe(KafkaRecordBatch<String, String> batch) {
        Map<String, long[]> ranges = new TreeMap<>();
        for (KafkaRecord<String, String> record : batch) {
            long offset = offset(record);
            ranges.merge(record.getTopic() + "-" + record.getPartition(), new long[] {offset, offset},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        StringJoiner text = new StringJoiner(", ");
        ranges.forEach((partition, range) -> text.add(partition + " offsets " + range[0] + ".." + range[1]));
        return text.toString();
    }

    private static long offset(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    /** An unreadable record is logged and skipped: it can never become readable by retrying. */
    private PairAssessment read(KafkaRecord<String, String> record) {
        if (record.getPayload() == null) {
            return null; // a compaction tombstone
        }
        try {
            PairAssessment a = json.readValue(record.getPayload(), PairAssessment.class);
            if (a.pair() == null || a.level() == null || a.asOf() == null) {
                throw new IllegalArgumentException("pair, level and asOf are required");
            }
            if (!a.pair().equals(PairKey.normalise(a.pair()))) {
                throw new IllegalArgumentException("not a normalised pair key: " + a.pair());
            }
            return a;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.warnf("skipping unreadable assessment at %s-%d offset %d (key %s): %s", record.getTopic(),
                    record.getPartition(), offset(record), record.getKey(), e.getMessage());
            return null;
        }
    }
}
