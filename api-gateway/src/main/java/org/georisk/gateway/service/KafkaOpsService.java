package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.georisk.gateway.config.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What ops look at first, read with the Kafka Admin client: topics and every consumer group's lag.
 *
 * <p>Lag is the number of records the group has still to read: those a read_committed consumer positioned at the
 * committed offset would read up to the last stable offset (docs/operations.md, "Lag"). Counted exactly by reading
 * ({@link RecordsBehind}) when the gap is at most {@link #COUNTED_GAP} offsets; a wider gap is reported as the offset
 * distance, in which each transaction marker counts as one.
 */
@ApplicationScoped
public class KafkaOpsService {

    private static final long TIMEOUT_SECONDS = 10;
    /** Widest gap (offsets) read to count its records: an idle or nearly caught-up group costs one short read. */
    static final long COUNTED_GAP = 1_000;
    /** Longest the count may read, for all partitions of a group together. */
    private static final Duration COUNT_BUDGET = Duration.ofSeconds(3);

    @Inject
    Admin admin;

    @Inject
    KafkaClients clients;

    public List<TopicReport> topics() {
        TreeSet<String> names = new TreeSet<>(await(admin.listTopics().names()));
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all());
        Map<String, Long> sizes = sizes();
        List<TopicReport> reports = new ArrayList<>();
        for (String name : names) {
            TopicDescription description = descriptions.get(name);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            reports.add(new TopicReport(name, description.partitions().size(),
                    description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size(),
                    Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "-1")),
                    value(config, TopicConfig.CLEANUP_POLICY_CONFIG, "delete"),
                    sizes.getOrDefault(name, 0L)));
        }
        return reports;
    }

    public List<ConsumerGroupReport> consumers() {
        Collection<GroupListing> listings = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        List<String> groupIds = listings.stream().map(GroupListing::groupId).sorted().toList();
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = await(admin.describeConsumerGroups(groupIds).all());
        List<ConsumerGroupReport> reports = new ArrayList<>();
        RecordsBehind counter = null;
        try {
            for (String groupId : groupIds) {
                Map<TopicPartition, Long> committed = committed(descriptions.get(groupId),
                        await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()));
                Map<TopicPartition, Long> ends = offsets(committed.keySet(), IsolationLevel.READ_UNCOMMITTED);
                Map<TopicPartition, Long> stable = offsets(committed.keySet(), IsolationLevel.READ_COMMITTED);
                Map<TopicPartition, RecordsBehind.Range> toCount = new HashMap<>();
                committed.forEach((tp, offset) -> {
                    long to = stable.getOrDefault(tp, 0L);
                    long from = offset == null ? 0 : offset;
                    if (from < to && to - from <= COUNTED_GAP) {
                        toCount.put(tp, new RecordsBehind.Range(from, to));
                    }
                });
                if (!toCount.isEmpty() && counter == null) {
                    counter = new RecordsBehind(clients.bootstrapServers(), COUNT_BUDGET);
                }
                Map<TopicPartition, Long> counted = toCount.isEmpty() ? Map.of() : counter.count(toCount);
                reports.add(report(descriptions.get(groupId), committed, ends, stable, counted));
            }
        } finally {
            if (counter != null) {
                counter.close();
            }
        }
        return reports;
    }

    /** The committed offset of every partition the group committed to or has assigned (null: nothing committed). */
    private static Map<TopicPartition, Long> committed(ConsumerGroupDescription group,
                                                       Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        offsets.forEach((tp, offset) -> positions.put(tp, offset == null ? null : offset.offset()));
        group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> positions.putIfAbsent(tp, null)));
        return positions;
    }

    private ConsumerGroupReport report(ConsumerGroupDescription group, Map<TopicPartition, Long> committed,
                                       Map<TopicPartition, Long> ends, Map<TopicPartition, Long> stable,
                                       Map<TopicPartition, Long> counted) {
        List<ConsumerGroupReport.Member> members = group.members().stream()
                .map(m -> new ConsumerGroupReport.Member(m.consumerId(), m.clientId(), m.host(),
                        m.assignment().topicPartitions().stream().map(TopicPartition::toString).sorted().toList()))
                .toList();
        List<ConsumerGroupReport.PartitionLag> partitions = committed.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, Long> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .map(e -> {
                    TopicPartition tp = e.getKey();
                    long from = e.getValue() == null ? 0 : e.getValue();
                    long to = stable.getOrDefault(tp, 0L);
                    long lag = from >= to ? 0 : counted.getOrDefault(tp, to - from);
                    return new ConsumerGroupReport.PartitionLag(tp.topic(), tp.partition(), e.getValue(),
                            ends.getOrDefault(tp, 0L), to, lag);
                })
                .toList();
        long total = partitions.stream().mapToLong(ConsumerGroupReport.PartitionLag::lag).sum();
        return new ConsumerGroupReport(group.groupId(), group.groupState().toString(), members, partitions, total);
    }

    /** Log end offsets (READ_UNCOMMITTED) or last stable offsets (READ_COMMITTED: before any open transaction). */
    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, IsolationLevel isolation) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                await(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Bytes per topic over every broker's log dirs (so replicas count each). */
    private Map<String, Long> sizes() {
        List<Integer> brokers = await(admin.describeCluster().nodes()).stream().map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> dirs = await(admin.describeLogDirs(brokers).allDescriptions());
        Map<String, Long> sizes = new HashMap<>();
        dirs.values().forEach(byDir -> byDir.values().forEach(dir -> {
            for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                sizes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
            }
        }));
        return sizes;
    }

    private static String value(Config config, String name, String fallback) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamUnavailableException("kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DownstreamUnavailableException("kafka", e);
        }
    }
}
