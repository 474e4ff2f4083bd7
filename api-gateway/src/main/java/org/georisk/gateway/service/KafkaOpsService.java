package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.georisk.contracts.lag.ConsumerLag;
import org.georisk.gateway.config.KafkaAdminProducer;

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
 * <p>Lag is the number of records the group has still to read, as the one calculation of the project defines it
 * ({@link ConsumerLag}, shared with the benchmarks; docs/operations.md, "Lag").
 */
@ApplicationScoped
public class KafkaOpsService {

    private static final long TIMEOUT_SECONDS = 10;
    /** Longest the count may read, for all partitions of a group together. */
    private static final Duration COUNT_BUDGET = Duration.ofSeconds(3);

    @Inject
    Admin admin;

    @Inject
    KafkaAdminProducer clients;

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
        try (ConsumerLag lag = new ConsumerLag(admin, clients.bootstrapServers(), "georisk-gateway-ops-lag",
                COUNT_BUDGET, Duration.ofSeconds(TIMEOUT_SECONDS))) {
            for (String groupId : groupIds) {
                ConsumerGroupDescription group = descriptions.get(groupId);
                List<TopicPartition> assigned = group.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream()).toList();
                reports.add(report(group, lag.ofGroup(groupId, assigned)));
            }
        } catch (KafkaException e) {
            throw new DownstreamUnavailableException("kafka", e);
        }
        return reports;
    }

    private static ConsumerGroupReport report(ConsumerGroupDescription group,
                                              Map<TopicPartition, ConsumerLag.Partition> lags) {
        List<ConsumerGroupReport.Member> members = group.members().stream()
                .map(m -> new ConsumerGroupReport.Member(m.consumerId(), m.clientId(), m.host(),
                        m.assignment().topicPartitions().stream().map(TopicPartition::toString).sorted().toList()))
                .toList();
        List<ConsumerGroupReport.PartitionLag> partitions = lags.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, ConsumerLag.Partition> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .map(e -> new ConsumerGroupReport.PartitionLag(e.getKey().topic(), e.getKey().partition(),
                        e.getValue().committed(), e.getValue().logEnd(), e.getValue().lastStable(), e.getValue().lag()))
                .toList();
        long total = partitions.stream().mapToLong(ConsumerGroupReport.PartitionLag::lag).sum();
        return new ConsumerGroupReport(group.groupId(), group.groupState().toString(), members, partitions, total);
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
