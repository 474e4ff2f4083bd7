package org.georisk.contracts;

import java.util.List;
import java.util.Map;

/** The Kafka topics between the services (docs/contracts.md, "Topics"), with the shape each is created with. */
public final class Topics {

    /** Every accepted event, keyed by pair key; the log is the source of truth. */
    public static final String EVENTS = "georisk.events";
    /** Records a consumer of {@link #EVENTS} could not read: original key and bytes plus error headers. */
    public static final String EVENTS_DLQ = "georisk.events.dlq";
    /** Latest {@link PairAssessment} per pair key (compacted). */
    public static final String ASSESSMENTS = "georisk.assessments";
    /** Every {@link Alert}, keyed by pair key. */
    public static final String ALERTS = "georisk.alerts";

    /** Header names put on DLQ records. */
    public static final String DLQ_HEADER_REASON = "georisk.dlq.reason";
    public static final String DLQ_HEADER_EXCEPTION = "georisk.dlq.exception";
    public static final String DLQ_HEADER_SOURCE_TOPIC = "georisk.dlq.topic";
    public static final String DLQ_HEADER_SOURCE_PARTITION = "georisk.dlq.partition";
    public static final String DLQ_HEADER_SOURCE_OFFSET = "georisk.dlq.offset";

    /** What a topic is created with. Replication is left to the broker's default. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    /** The topics every environment creates before the services start. Six partitions so pairs spread over instances. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(EVENTS, 6, Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
            new TopicSpec(EVENTS_DLQ, 1, Map.of("cleanup.policy", "delete")),
            new TopicSpec(ASSESSMENTS, 6, Map.of("cleanup.policy", "compact")),
            new TopicSpec(ALERTS, 6, Map.of("cleanup.policy", "delete")));

    private Topics() {
    }
}
