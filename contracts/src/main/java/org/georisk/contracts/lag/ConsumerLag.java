package org.georisk.contracts.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The one lag calculation (docs/operations.md, "Lag"), for the gateway's {@code /ops/consumers} and the benchmarks:
 * a group's lag on a partition is the number of records a read_committed consumer positioned at the group's committed
 * offset (the log start when nothing is committed) would read up to the last stable offset.
 *
 * <p>The offset distance is not that on a transactional topic: each commit or abort marker takes an offset but is no
 * record, and aborted records are never read, so an idle group that committed "last record + 1" would show lag 1 for
 * ever. So a gap of at most {@link #COUNTED_GAP} offsets is read and its records counted, by one short-lived consumer
 * with no group (it commits nothing, joins nothing); a wider gap, or one not read within the budget, is reported as
 * the offset distance, an upper bound. Failures of the Admin calls are thrown as {@link KafkaException}.
 *
 * <p>Not thread-safe (it holds one consumer): one instance per caller and thread.
 */
public final class ConsumerLag implements AutoCloseable {

    /** Widest gap (offsets) read to count its records: an idle or nearly caught-up group costs one short read. */
    public static final long COUNTED_GAP = 1_000;

    /**
     * One partition of a group.
     *
     * @param committed  the group's committed offset, null when it has committed nothing
     * @param logEnd     the log end offset (transaction markers and open transactions included)
     * @param lastStable where a read_committed consumer stops (the log end when no transaction is open)
     * @param lag        the records still to read
     */
    public record Partition(Long committed, long logEnd, long lastStable, long lag) {
    }

    private final Admin admin;
    private final String bootstrapServers;
    private final String clientId;
    private final Duration countBudget;
    private final Duration timeout;
    private KafkaConsumer<byte[], byte[]> reader;

    /**
     * @param admin       the caller's Admin client (not closed here)
     * @param countBudget how long counting may read, for all the partitions of one call together
     * @param timeout     how long each Admin call may take
     */
    public ConsumerLag(Admin admin, String bootstrapServers, String clientId, Duration countBudget, Duration timeout) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.countBudget = countBudget;
        this.timeout = timeout;
    }

    /** Every partition the group committed to, and those in {@code assigned} (its members' assignment). */
    public Map<TopicPartition, Partition> ofGroup(String groupId, Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((tp, offset) -> committed.put(tp, offset == null ? null : offset.offset()));
        assigned.forEach(tp -> committed.putIfAbsent(tp, null));
        if (committed.isEmpty()) {
            return Map.of();
        }
        Set<TopicPartition> partitions = committed.keySet();
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest(), IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> stable = offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        committed.forEach((tp, offset) -> ranges.put(tp, new long[]{
                Math.max(offset == null ? 0 : offset, start.getOrDefault(tp, 0L)), stable.getOrDefault(tp, 0L)}));
        Map<TopicPartition, Long> counted = count(ranges);
        Map<TopicPartition, Partition> result = new HashMap<>();
        ranges.forEach((tp, range) -> result.put(tp, new Partition(committed.get(tp), ends.getOrDefault(tp, 0L),
                range[1], range[0] >= range[1] ? 0 : counted.getOrDefault(tp, range[1] - range[0]))));
        return result;
    }

    /** Group → its total lag, for every consumer group (Kafka Streams' included) whose id passes the filter. */
    public Map<String, Long> ofEveryGroup(Predicate<String> include) {
        Map<String, Long> lag = new TreeMap<>();
        for (GroupListing group : await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
            if (include.test(group.groupId())) {
                lag.put(group.groupId(), ofGroup(group.groupId(), Set.of()).values().stream()
                        .mapToLong(Partition::lag).sum());
            }
        }
        return lag;
    }

    /** The records in each range [from, to) that is at most {@link #COUNTED_GAP} wide and read within the budget. */
    private Map<TopicPartition, Long> count(Map<TopicPartition, long[]> ranges) {
        Map<TopicPartition, long[]> toCount = new HashMap<>();
        ranges.forEach((tp, r) -> {
            if (r[0] < r[1] && r[1] - r[0] <= COUNTED_GAP) {
                toCount.put(tp, r);
            }
        });
        Map<TopicPartition, Long> counts = new HashMap<>();
        if (toCount.isEmpty()) {
            return counts;
        }
        KafkaConsumer<byte[], byte[]> consumer = reader();
        consumer.assign(toCount.keySet());
        toCount.forEach((tp, r) -> {
            consumer.seek(tp, r[0]);
            counts.put(tp, 0L);
        });
        Set<TopicPartition> open = new HashSet<>(toCount.keySet());
        long deadline = System.nanoTime() + countBudget.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (open.contains(tp) && r.offset() < toCount.get(tp)[1]) {
                    counts.merge(tp, 1L, Long::sum);
                }
            }
            // the position moves past markers and aborted records too, so it reaches the end of the range
            for (TopicPartition tp : Set.copyOf(open)) {
                if (consumer.position(tp) >= toCount.get(tp)[1]) {
                    open.remove(tp);
                    consumer.pause(Set.of(tp));
                }
            }
        }
        open.forEach(counts::remove);
        consumer.unsubscribe();
        return counts;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        if (reader == null) {
            reader = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // retention may remove what the group never read: then it counts from the log start
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reader;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec,
                                              IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all())
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while asking the broker", e);
        } catch (ExecutionException e) {
            throw new KafkaException("the broker did not answer: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not answer within " + timeout, e);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close(Duration.ofSeconds(2));
        }
    }
}
