package org.georisk.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.georisk.contracts.Alert;
import org.georisk.contracts.PairAssessment;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

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
                if (hub(kind).publish(new StreamEvent(position, pair, dedup, record.value()))) {
                    metrics.alertReady(alert.raisedAt());
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
}
