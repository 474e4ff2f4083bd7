package org.georisk.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.Alert;
import org.georisk.contracts.EventHeaders;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;
import org.georisk.notification.service.AlertMetrics;
import org.georisk.notification.service.AssessmentProcessor;
import org.georisk.notification.service.EventOrigin;
import org.georisk.notification.service.OutboxRelay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.concurrent.CompletionStage;

/**
 * Reads georisk.assessments (group georisk-notification), one record at a time and in partition order. The offset is
 * committed only after the evaluating transaction committed; a record seen again after a crash finds its
 * (pair, version) marker and does nothing.
 */
@ApplicationScoped
public class AssessmentConsumer {

    private final ObjectMapper json;
    private final AssessmentProcessor processor;
    private final OutboxRelay relay;
    private final AlertMetrics metrics;

    public AssessmentConsumer(ObjectMapper json, AssessmentProcessor processor, OutboxRelay relay, AlertMetrics metrics) {
        this.json = json;
        this.processor = processor;
        this.relay = relay;
        this.metrics = metrics;
    }

    @Incoming("assessments")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecord<String, String> record) {
        PairAssessment assessment = read(record);
        if (assessment != null) {
            // The event's trace (ingest put it on georisk.events, the stream kept it on georisk.assessments): current
            // while evaluating, so log lines carry its trace id, and stored with each alert for the relay.
            String traceparent = lastHeader(record.getHeaders(), EventHeaders.TRACEPARENT);
            Context trace = traceparent == null ? Context.current()
                    : W3CTraceContextPropagator.getInstance().extract(Context.current(), record.getHeaders(), HEADERS);
            try (Scope ignored = trace.makeCurrent()) {
                List<Alert> raised = processWithRetry(assessment, new EventOrigin(traceparent, receivedAt(record)));
                raised.forEach(metrics::alertRaised);
                if (!raised.isEmpty()) {
                    Log.infof("%s v%d raised %d alert(s)", assessment.pair(), assessment.version(), raised.size());
                    relay.publishPending();
                }
            }
        }
        return record.ack();
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : lastHeader(headers, key);
        }
    };

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

    /**
     * A failure here is the database or a bug, not the record: retry with growing pauses instead of skipping, so no
     * alert is dropped and the partition's order is kept (the connector keeps polling meanwhile, no rebalance).
     */
    private List<Alert> processWithRetry(PairAssessment assessment, EventOrigin origin) {
        long pauseMillis = 200;
        while (true) {
            try {
                return processor.process(assessment, origin);
            } catch (RuntimeException e) {
                Log.errorf(e, "evaluating %s v%d failed; retrying in %d ms", assessment.pair(), assessment.version(),
                        pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 30_000);
            }
        }
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
            Object offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> (Object) m.getOffset())
                    .orElse("?");
            Log.warnf("skipping unreadable assessment at %s-%d offset %s (key %s): %s", record.getTopic(),
                    record.getPartition(), offset, record.getKey(), e.getMessage());
            return null;
        }
    }
}
