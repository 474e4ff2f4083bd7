package org.georisk.gateway.service;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts the records a read_committed consumer positioned at a group's committed offset would read up to the last
 * stable offset: on a transactional topic each commit or abort marker takes an offset but is no record, and aborted
 * records are never read, so the offset distance alone never reads 0 for an idle consumer (docs/operations.md, "Lag").
 * A short-lived consumer with no group (it commits nothing, joins nothing) reads the range and counts.
 */
final class RecordsBehind implements AutoCloseable {

    /** A partition to count: records in [from, to). */
    record Range(long from, long to) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration budget;

    RecordsBehind(String bootstrapServers, Duration budget) {
        this.budget = budget;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "georisk-gateway-ops-lag",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // an offset before the log start (nothing committed, or retention removed what the group never read)
                // is counted from the log start
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    /**
     * The records in each range; a partition not read to its end within the budget is left out (the caller then
     * reports the offset distance, an upper bound).
     */
    Map<TopicPartition, Long> count(Map<TopicPartition, Range> ranges) {
        Map<TopicPartition, Long> counts = new HashMap<>();
        if (ranges.isEmpty()) {
            return counts;
        }
        consumer.assign(ranges.keySet());
        ranges.forEach((tp, range) -> {
            consumer.seek(tp, range.from());
            counts.put(tp, 0L);
        });
        Set<TopicPartition> open = new HashSet<>(ranges.keySet());
        long deadline = System.nanoTime() + budget.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                Range range = ranges.get(tp);
                if (open.contains(tp) && r.offset() < range.to()) {
                    counts.merge(tp, 1L, Long::sum);
                }
            }
            // the position moves past markers and aborted records too, so it reaches the end of the range
            for (TopicPartition tp : Set.copyOf(open)) {
                if (consumer.position(tp) >= ranges.get(tp).to()) {
                    open.remove(tp);
                    consumer.pause(Set.of(tp));
                }
            }
        }
        open.forEach(counts::remove);
        consumer.unsubscribe();
        return counts;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
