package org.georisk.gateway.stream;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the live channels start reading, set when their partitions are assigned (the connector calls this on its
 * polling thread, where seeking is allowed). At the first assignment of a topic each partition goes back
 * {@code georisk.gateway.stream.retention} (24 h), at most {@code buffer-size} records, to fill the resume buffers;
 * a partition added later is read from its beginning; a partition taken away and given back (a rebalance after the
 * broker was away) goes on where it was, since nothing is committed.
 */
@ApplicationScoped
@Identifier(LiveFeedReadBack.NAME)
public class LiveFeedReadBack implements KafkaConsumerRebalanceListener {

    public static final String NAME = "live-feed-read-back";
    private static final Logger LOG = Logger.getLogger(LiveFeedReadBack.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    GatewayConfig config;

    private final Set<String> topicsStarted = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    /** True once every live topic has had partitions assigned. */
    public boolean isAssigned() {
        return topicsStarted.size() == StreamKind.values().length;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> firstTime = new HashMap<>();
        long since = System.currentTimeMillis() - config.stream().retention().toMillis();
        for (TopicPartition tp : partitions) {
            Long known = positions.get(tp);
            if (known != null) {
                consumer.seek(tp, known);
            } else if (topicsStarted.contains(tp.topic())) {
                consumer.seekToBeginning(Set.of(tp));
            } else {
                firstTime.put(tp, since);
            }
        }
        if (!firstTime.isEmpty()) {
            readBack(consumer, firstTime);
        }
        partitions.forEach(tp -> topicsStarted.add(tp.topic()));
        LOG.infof("live feed reading %d partitions", partitions.size());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            try {
                positions.put(tp, consumer.position(tp, TIMEOUT));
            } catch (RuntimeException e) {
                // no position yet (never read): the next assignment starts it as a first assignment would
                LOG.debugf("no position of %s to keep: %s", tp, e.getMessage());
            }
        }
    }

    /** Seeks each partition to the retention window, but never more than buffer-size records back. */
    private void readBack(Consumer<?, ?> consumer, Map<TopicPartition, Long> times) {
        Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(times, TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(times.keySet(), TIMEOUT);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(times.keySet(), TIMEOUT);
        for (TopicPartition tp : times.keySet()) {
            long end = ends.getOrDefault(tp, 0L);
            OffsetAndTimestamp found = byTime.get(tp);
            long from = found == null ? end : found.offset();
            from = Math.max(from, Math.max(begins.getOrDefault(tp, 0L), end - config.stream().bufferSize()));
            consumer.seek(tp, from);
        }
    }
}
