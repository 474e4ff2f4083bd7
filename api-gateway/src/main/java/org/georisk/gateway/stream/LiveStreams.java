package org.georisk.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.georisk.contracts.Alert;
import org.georisk.contracts.EventHeaders;
import org.georisk.contracts.PairAssessment;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The two hubs, fed from Kafka records: parses each record just enough to know its pair and whether it repeats. */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    private final Map<StreamKind, LiveHub> hubs = new EnumMap<>(StreamKind.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    PushMetrics metrics;

    @Inject
    PushTracing tracing;

    @Inject
    public LiveStreams(GatewayConfig config) {
        for (StreamKind kind : StreamKind.values()) {
            hubs.put(kind, new LiveHub(config.stream().bufferSize(), config.stream().clientBuffer()));
        }
    }

    public LiveHub hub(StreamKind kind) {
        return hubs.get(kind);
    }

    /** One record of georisk.alerts or georisk.assessments; one that is not a readable payload is skipped. */
    public void accept(ConsumerRecord<String, String> record, Context trace) {
        if (record.value() == null) {
            return; // a tombstone on the compacted assessments topic
        }
        StreamKind kind = StreamKind.ofTopic(record.topic());
        EventPosition position = new EventPosition(record.timestamp(), record.partition(), record.offset());
        try {
            if (kind == StreamKind.ALERTS) {
                pushAlert(record, position, trace);
            } else {
                // No span here, unlike alerts: an assessment comes with every event (hundreds a second while the
                // stream catches up or rebuilds, up to buffer-size at every start, and a bulk post's 10,000 events
                // share one trace), so a span each, on every gateway instance, would multiply the exported spans and
                // can overflow the exporter's batch queue (2048 spans), dropping the alert spans with them.
                PairAssessment assessment = mapper.readValue(record.value(), PairAssessment.class);
                String pair = assessment.pair() != null ? assessment.pair() : record.key();
                hub(kind).publish(new StreamEvent(position, pair, pair + "@" + assessment.version(), record.value()));
            }
        } catch (Exception e) {
            LOG.warnf("skipped unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    /**
     * Pushes an alert inside its own span, the last of the event's trace (carried from the feed's request through
     * every topic, {@code trace} is the connector's receive span in it); the span is current meanwhile, so the log
     * line has the trace id.
     */
    private void pushAlert(ConsumerRecord<String, String> record, EventPosition position, Context trace)
            throws IOException {
        Span span = tracing.startAlertPush(record, trace);
        try (Scope ignored = span.makeCurrent()) {
            Alert alert = mapper.readValue(record.value(), Alert.class);
            String dedup = alert.alertId() == null ? null : "alert:" + alert.alertId();
            String pair = alert.pair() != null ? alert.pair() : record.key();
            LiveHub hub = hub(StreamKind.ALERTS);
            boolean pushed = hub.publish(new StreamEvent(position, pair, dedup, record.value()));
            PushTracing.describe(span, alert, pair, !pushed, hub.clients());
            if (pushed) {
                metrics.alertReady(alert.raisedAt());
                metrics.eventToPush(receivedAt(record));
                LOG.infof("alert %s (%s %s) pushed to live clients", alert.alertId(), pair, alert.kind());
            }
        } catch (Exception e) {
            PushTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static Instant receivedAt(ConsumerRecord<String, String> record) {
        String millis = PushTracing.header(record.headers(), EventHeaders.EVENT_RECEIVED_AT);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
