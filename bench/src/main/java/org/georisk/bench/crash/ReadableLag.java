package org.georisk.bench.crash;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Lag as the records a read_committed consumer of the group would still read. End offset minus committed offset
 * is not that on a transactional topic: after the last record of a transaction comes its commit marker, which
 * takes an offset, and a consumer that commits "last record + 1" (SmallRye does) stays one behind the end for
 * ever on each partition of georisk.assessments. So where the difference is small, the records in between are
 * read and counted; where it is large, it is the lag.
 */
final class ReadableLag implements AutoCloseable {

    private static final long READ_BELOW = 1000;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    ReadableLag(String bootstrap) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "georisk-bench-crash-lag");
        this.admin = Admin.create(admin);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "georisk-bench-crash-lag");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** group → records its members would still read, for every group but the benchmarks' own (georisk-bench-*). */
    Map<String, Long> ofEveryGroup() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (GroupListing group : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("georisk-bench")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = consumer.endOffsets(committed.keySet());
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                if (c.getValue() != null && end.containsKey(c.getKey())) {
                    sum += readable(c.getKey(), c.getValue().offset(), end.get(c.getKey()));
                }
            }
            lag.put(group.groupId(), sum);
        }
        return lag;
    }

    private long readable(TopicPartition partition, long from, long end) {
        if (end - from <= 0 || end - from > READ_BELOW) {
            return Math.max(0, end - from);
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long records = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end) {
                    records++;
                }
            }
        }
        return consumer.position(partition) < end ? end - from : records;
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
