package org.georisk.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The log read from its start, as the source of truth the crash test measures the projections against: every event
 * on georisk.events (eventId, pair, how many records carry it) and every alert on georisk.alerts. Assigned
 * partitions, no group: the audit must not add a consumer group whose lag the test then waits for.
 */
final class LogAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** eventId → records carrying it; pair → its distinct eventIds. */
    record Events(Map<String, Integer> records, Map<String, Set<String>> byPair) {
        long publishedTwice() {
            return records.values().stream().filter(n -> n > 1).count();
        }
    }

    /** alertId → the alert (the last record carrying it), from georisk.alerts. */
    record Alerts(Map<String, JsonNode> byId) {
        /** pair → distinct alerts; only those of the subscription when it is not null. */
        Map<String, Integer> perPair(String subscriptionId) {
            Map<String, Integer> m = new TreeMap<>();
            byId.values().stream()
                    .filter(a -> subscriptionId == null || subscriptionId.equals(a.path("subscriptionId").asText()))
                    .forEach(a -> m.merge(a.path("pair").asText(), 1, Integer::sum));
            return m;
        }
    }

    private final String bootstrap;

    LogAudit(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Events events() {
        Map<String, Integer> records = new HashMap<>();
        Map<String, Set<String>> byPair = new TreeMap<>();
        read("georisk.events", (key, value) -> {
            String id = value.path("eventId").asText();
            records.merge(id, 1, Integer::sum);
            byPair.computeIfAbsent(key, k -> new HashSet<>()).add(id);
        });
        return new Events(records, byPair);
    }

    /** The alerts published at or after the given offsets of georisk.alerts (those of this run). */
    Alerts alerts(Map<TopicPartition, Long> from) {
        Map<String, JsonNode> byId = new HashMap<>();
        read("georisk.alerts", from, (key, value) -> {
            try {
                JsonNode alert = JSON.readTree(value);
                byId.put(alert.path("alertId").asText(), alert);
            } catch (IOException unreadable) {
                // not an alert: nothing to count
            }
        });
        return new Alerts(byId);
    }

    /** The end offsets of a topic: where records published after now begin. */
    Map<TopicPartition, Long> ends(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return new HashMap<>(consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    /** pair → the raw JSON of its last record on georisk.assessments at or after the given offsets. */
    Map<String, String> lastAssessments(Map<TopicPartition, Long> from) {
        Map<String, String> last = new TreeMap<>();
        read("georisk.assessments", from, (key, value) -> last.put(key, value));
        return last;
    }

    private void read(String topic, BiConsumer<String, JsonNode> each) {
        read(topic, Map.of(), (key, value) -> {
            try {
                each.accept(key, JSON.readTree(value));
            } catch (IOException unreadable) {
                // not an event or alert of ours (the DLQ holds such records, never these topics)
            }
        });
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "georisk-bench-crash-audit");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Every record of the topic from the given offsets (the start where none is given) to its end offsets now. */
    private void read(String topic, Map<TopicPartition, Long> from, BiConsumer<String, String> each) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> parts = partitions(consumer, topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            parts.stream().filter(from::containsKey).forEach(p -> consumer.seek(p, from.get(p)));
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        each.accept(r.key(), r.value());
                    }
                }
            }
        }
    }
}
