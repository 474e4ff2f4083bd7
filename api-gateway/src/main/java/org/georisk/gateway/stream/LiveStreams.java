package org.georisk.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.georisk.contracts.Alert;
import org.georisk.contracts.EventHeaders;
import org.georisk.contracts.PairAssessment;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.StreamSupport;

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
    public LiveStreams(GatewayConfig config) {
        for (StreamKind kind : StreamKind.values()) {
            hubs.put(kind, new LiveHub(config.stream().bufferSize(), config.stream().clientBuffer()));
        }
    }

    public LiveHub hub(StreamKind kind) {
        return hubs.get(kind);
    }

    /** One record of georisk.alerts or georisk.assessments; one that is not a readable payload is skipped. */
    public void accept(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // a tombstone on the compacted assessments topic
        }
        StreamKind kind = StreamKind.ofTopic(record.topic());
        EventPosition position = new EventPosition(record.timestamp(), record.partition(), record.offset());
        try {
            if (kind == StreamKind.ALERTS) {
                Alert alert = mapper.readValue(record.value(), Alert.class);
                String dedup = alert.alertId() == null ? null : "alert:" + alert.alertId();
                String pair = alert.pair() != null ? alert.pair() : record.key();
                // the event's trace (carried from the feed's request through every topic): current while pushing,
                // so this line has the trace id
                try (Scope ignored = traceOf(record).makeCurrent()) {
                    if (hub(kind).publish(new StreamEvent(position, pair, dedup, record.value()))) {
                        metrics.alertReady(alert.raisedAt());
                        metrics.eventToPush(receivedAt(record));
                        LOG.infof("alert %s (%s %s) pushed to live clients", alert.alertId(), pair, alert.kind());
                    }
                }
            } else {
                PairAssessment assessment = mapper.readValue(record.value(), PairAssessment.class);
                String pair = assessment.pair() != null ? assessment.pair() : record.key();
                hub(kind).publish(new StreamEvent(position, pair, pair + "@" + assessment.version(), record.value()));
            }
        } catch (Exception e) {
            LOG.warnf("skipped unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static Context traceOf(ConsumerRecord<String, String> record) {
        if (record.headers().lastHeader(EventHeaders.TRACEPARENT) == null) {
            return Context.current();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.current(), record.headers(), HEADERS);
    }

    private static Instant receivedAt(ConsumerRecord<String, String> record) {
        String millis = header(record.headers(), EventHeaders.EVENT_RECEIVED_AT);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : header(headers, key);
        }
    };
}
