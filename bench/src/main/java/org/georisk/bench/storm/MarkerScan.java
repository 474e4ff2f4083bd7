package org.georisk.bench.storm;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the storm left on georisk.events: the records between the end offsets taken before the storm and those at
 * the scan. A record carrying the hostile marker is an event that should have been refused; a record carrying the
 * calm marker may be there (a tolerant reader accepted it) but must not carry a spoofed eventId, source or pair.
 * No consumer group: the consumer is assigned its partitions, so it leaves no group behind to show up as lag.
 */
final class MarkerScan {

    private final String bootstrap;
    private final String topic;

    MarkerScan(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return new HashMap<>(consumer.endOffsets(partitions(consumer)));
        }
    }

    /** Findings, one line each; empty when the storm left nothing it should not have. */
    List<String> findings(Map<TopicPartition, Long> before, String marker, String calmMarker) {
        List<String> findings = new ArrayList<>();
        Pattern hostileId = Pattern.compile(Pattern.quote(marker) + "-[A-Za-z0-9.-]+");
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> parts = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            consumer.assign(parts);
            parts.forEach(p -> consumer.seek(p, before.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    Matcher m = hostileId.matcher(value);
                    if (m.find()) {
                        findings.add("hostile event on " + topic + " (" + m.group() + "), key " + key + ": " + clip(value));
                    } else if (value.contains(calmMarker) && (value.contains(HostileBodies.SPOOF)
                            || value.contains(HostileBodies.SPOOFED_EVENT_ID) || !key.equals("FJI-TON"))) {
                        findings.add("a tolerated event was published with a spoofed field, key " + key + ": "
                                + clip(value));
                    }
                }
            }
            if (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                findings.add("could not read " + topic + " to its end within 60 s");
            }
        }
        return findings;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "georisk-bench-storm-scan");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
