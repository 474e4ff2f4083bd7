package org.georisk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.georisk.contracts.lag.ConsumerLag;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' view of the broker: record counts and committed positions (progress of a rebuild), and lag as the
 * project's one calculation counts it ({@link ConsumerLag}: the records a read_committed consumer of the group would
 * still read, so commit markers are no lag). Command line (bench/rebuild.sh, alert-latency.sh): {@link KafkaLagCli}.
 */
public final class KafkaLag implements AutoCloseable {

    private final Admin admin;
    private final String bootstrap;

    private KafkaLag(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    public static KafkaLag connect(String bootstrap) {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("bootstrap must be on 127.0.0.1 (got " + bootstrap + ")");
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "georisk-bench-admin");
        return new KafkaLag(Admin.create(props), bootstrap);
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

    /** The group's lag on the topic, as {@link ConsumerLag} counts it (the gateway's /ops/consumers figure). */
    public long lag(String topic, String group) {
        try (ConsumerLag lag = consumerLag()) {
            return lag.ofGroup(group, List.of()).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().lag()).sum();
        }
    }

    /**
     * Waits until every consumer group's lag is 0 (the records its consumers would still read), at most {@code max};
     * returns the groups. Polls once a second: the broker's view changes as the services commit.
     */
    public static Map<String, Long> awaitEveryGroupAtZero(String bootstrap, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (KafkaLag kafka = connect(bootstrap)) {
            Map<String, Long> lag;
            while (!(lag = kafka.lagOfEveryGroup()).values().stream().allMatch(l -> l == 0)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumer lag not 0 after " + max.toSeconds() + " s: " + lag);
                }
                Thread.sleep(1000);
            }
            return lag;
        }
    }

    /**
     * Lag of every consumer group (Kafka Streams' included) over the partitions it has committed offsets for,
     * sorted by group. Left out: the benchmark's own throwaway groups (georisk-bench-*), and each gateway instance's
     * live-feed groups (georisk-gateway-live-*-&lt;instance uuid&gt;, api-gateway's application.properties), which
     * commit nothing by design, so a lag read from commits would always say 0, and a new pair of them comes with every
     * gateway start.
     */
    public Map<String, Long> lagOfEveryGroup() {
        try (ConsumerLag lag = consumerLag()) {
            return lag.ofEveryGroup(group -> !group.startsWith("georisk-bench")
                    && !group.startsWith("georisk-gateway-live-"));
        }
    }

    /** A fresh one per call: it holds a consumer, and the lag sampler asks from its own thread. */
    private ConsumerLag consumerLag() {
        return new ConsumerLag(admin, bootstrap, "georisk-bench-lag", Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public void deleteGroup(String group) throws Exception {
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
