package org.georisk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The one lag calculation of the benchmarks (what kafka-consumer-groups --describe shows): per group, the sum over
 * its partitions of end offset - committed offset. End offsets are read READ_COMMITTED (the last stable offset), so
 * the commit markers of the transactional georisk.assessments do not count as lag. A partition without a committed
 * offset counts from its start offset. Command line (bench/rebuild.sh, alert-latency.sh): {@link KafkaLagCli}.
 */
public final class KafkaLag implements AutoCloseable {

    private final Admin admin;

    private KafkaLag(Admin admin) {
        this.admin = admin;
    }

    public static KafkaLag connect(String bootstrap) {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("bootstrap must be on 127.0.0.1 (got " + bootstrap + ")");
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "georisk-bench-admin");
        return new KafkaLag(Admin.create(props));
    }

    public Admin admin() {
        return admin;
    }

    public List<TopicPartition> partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    Map<TopicPartition, Long> offsets(Collection<TopicPartition> parts, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        parts.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS).forEach((p, info) -> result.put(p, info.offset()));
        return result;
    }

    /** Records in the topic: sum of end - start offsets. */
    public long count(String topic) throws Exception {
        List<TopicPartition> parts = partitions(topic);
        Map<TopicPartition, Long> start = offsets(parts, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(parts, OffsetSpec.latest());
        return parts.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
    }

    /** {committed, end} of one group on one topic, summed over the topic's partitions. */
    public long[] snapshot(String topic, String group) throws Exception {
        List<TopicPartition> parts = partitions(topic);
        Map<TopicPartition, Long> start = offsets(parts, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(parts, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long c = 0, e = 0;
        for (TopicPartition p : parts) {
            OffsetAndMetadata om = committed.get(p);
            c += om == null ? start.get(p) : om.offset();
            e += end.get(p);
        }
        return new long[]{c, e};
    }

    public long lag(String topic, String group) throws Exception {
        long[] s = snapshot(topic, group);
        return Math.max(0, s[1] - s[0]);
    }

    /**
     * Lag of every consumer group (Kafka Streams' included) over the partitions it has committed offsets for,
     * sorted by group; the benchmark's own throwaway groups (georisk-bench-*) left out.
     */
    public Map<String, Long> lagOfEveryGroup() throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (g.groupId().startsWith("georisk-bench")) {
                continue;
            }
            committed.put(g.groupId(), admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS));
        }
        java.util.Set<TopicPartition> all = new java.util.HashSet<>();
        committed.values().forEach(m -> all.addAll(m.keySet()));
        Map<TopicPartition, Long> end = all.isEmpty() ? Map.of() : offsets(all, OffsetSpec.latest());
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                .filter(e -> e.getValue() != null && end.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, end.get(e.getKey()) - e.getValue().offset())).sum()));
        return lag;
    }

    public void deleteGroup(String group) throws Exception {
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
