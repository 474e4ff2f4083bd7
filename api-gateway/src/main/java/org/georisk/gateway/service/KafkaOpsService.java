package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

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

/** What ops look at first, read with the Kafka Admin client: topics and every consumer group's lag. */
@ApplicationScoped
public class KafkaOpsService {

    private static final long TIMEOUT_SECONDS = 10;

    @Inject
    Admin admin;

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
        for (String groupId : groupIds) {
            reports.add(report(descriptions.get(groupId),
                    await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())));
        }
        return reports;
    }

    private ConsumerGroupReport report(ConsumerGroupDescription group, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<ConsumerGroupReport.Member> members = group.members().stream()
                .map(m -> new ConsumerGroupReport.Member(m.consumerId(), m.clientId(), m.host(),
                        m.assignment().topicPartitions().stream().map(TopicPartition::toString).sorted().toList()))
                .toList();
        Map<TopicPartition, Long> positions = new HashMap<>();
        committed.forEach((tp, offset) -> positions.put(tp, offset == null ? null : offset.offset()));
        group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> positions.putIfAbsent(tp, null)));
        Map<TopicPartition, Long> ends = endOffsets(positions.keySet());
        List<ConsumerGroupReport.PartitionLag> partitions = positions.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, Long> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .map(e -> {
                    long end = ends.getOrDefault(e.getKey(), 0L);
                    long lag = e.getValue() == null ? end : Math.max(0, end - e.getValue());
                    return new ConsumerGroupReport.PartitionLag(e.getKey().topic(), e.getKey().partition(),
                            e.getValue(), end, lag);
                })
                .toList();
        long total = partitions.stream().mapToLong(ConsumerGroupReport.PartitionLag::lag).sum();
        return new ConsumerGroupReport(group.groupId(), group.groupState().toString(), members, partitions, total);
    }

    private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
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
