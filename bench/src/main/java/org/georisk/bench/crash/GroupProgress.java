package org.georisk.bench.crash;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * How far every consumer group of GeoRisk has got: the failover test's measure of when work that was waiting at a
 * kill has been done. A snapshot holds, per group, the end offsets of its partitions; the group has caught up with it
 * once its committed offsets reach them on every partition (one short where the topic is transactional: the commit
 * marker takes an offset that no consumer commits past until the next record, see contracts {@code lag.ConsumerLag}).
 */
final class GroupProgress implements AutoCloseable {

    /** group → partition → end offset at the snapshot. */
    record Snapshot(Map<String, Map<TopicPartition, Long>> ends) { }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    GroupProgress(String bootstrap) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "georisk-bench-failover-progress");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(admin);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "georisk-bench-failover-progress");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    Snapshot snapshot() throws Exception {
        Map<String, Map<TopicPartition, Long>> ends = new TreeMap<>();
        for (Map.Entry<String, Map<TopicPartition, Long>> group : committed().entrySet()) {
            ends.put(group.getKey(), new HashMap<>(consumer.endOffsets(group.getValue().keySet())));
        }
        return new Snapshot(ends);
    }

    /**
     * group → partitions whose committed offset has not reached the snapshot's end yet (empty: all caught up). While
     * the cluster cannot say (a killed broker's group coordinators are moving), "(no answer)" counts as behind.
     */
    Map<String, Integer> behind(Snapshot at) throws InterruptedException {
        Map<String, Map<TopicPartition, Long>> now;
        try {
            now = committed();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception noAnswer) {
            return Map.of("(no answer)", 1);
        }
        Map<String, Integer> behind = new TreeMap<>();
        at.ends().forEach((group, ends) -> ends.forEach((partition, end) -> {
            long committed = now.getOrDefault(group, Map.of()).getOrDefault(partition, -1L);
            if (committed < end - 1) {
                behind.merge(group, 1, Integer::sum);
            }
        }));
        return behind;
    }

    /** group → partition → committed offset, for every group but the benchmarks' own. */
    private Map<String, Map<TopicPartition, Long>> committed() throws Exception {
        Map<String, Map<TopicPartition, Long>> all = new TreeMap<>();
        for (GroupListing group : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("georisk-bench")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> byPartition = new HashMap<>();
            offsets.forEach((p, o) -> {
                if (o != null) {
                    byPartition.put(p, o.offset());
                }
            });
            all.put(group.groupId(), byPartition);
        }
        return all;
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
