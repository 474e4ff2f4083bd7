package org.georisk.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.georisk.gateway.config.GatewayConfig;
import org.georisk.gateway.config.KafkaClients;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * This instance's own reader of georisk.alerts and georisk.assessments. Every gateway instance must see every
 * record (its clients may want any pair), so it assigns itself all partitions instead of joining a consumer group,
 * and commits nothing. At start it goes back {@code georisk.gateway.stream.retention} (24 h; at most
 * {@code buffer-size} records per partition) to fill the resume buffers; partitions added later are picked up
 * within a minute, from their beginning.
 */
@ApplicationScoped
public class LiveFeedConsumer {

    private static final Logger LOG = Logger.getLogger(LiveFeedConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long REFRESH_MS = 60_000;

    @Inject
    KafkaClients kafka;

    @Inject
    GatewayConfig config;

    @Inject
    LiveStreams streams;

    private volatile boolean running;
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "georisk-live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** True once the partitions are assigned and the read-back has begun. */
    public boolean isAssigned() {
        return assigned;
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "georisk-gateway-live-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // georisk.assessments is written in Kafka Streams transactions: a record of an aborted transaction must never
        // reach a live client (docs/security.md). Also bounds reads at the last stable offset.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
            consumer = c;
            Set<TopicPartition> current = new HashSet<>();
            long nextRefresh = 0;
            while (running) {
                try {
                    if (System.currentTimeMillis() >= nextRefresh) {
                        assign(c, current);
                        nextRefresh = System.currentTimeMillis() + REFRESH_MS;
                    }
                    ConsumerRecords<String, String> records = c.poll(POLL);
                    for (ConsumerRecord<String, String> record : records) {
                        streams.accept(record);
                    }
                } catch (WakeupException e) {
                    // shutting down
                } catch (RuntimeException e) {
                    LOG.warnf("live feed: %s; retrying", e.toString());
                    nextRefresh = 0;
                    sleep();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void assign(KafkaConsumer<String, String> c, Set<TopicPartition> current) {
        Set<TopicPartition> wanted = new HashSet<>();
        for (StreamKind kind : StreamKind.values()) {
            List<PartitionInfo> partitions = c.partitionsFor(kind.topic(), Duration.ofSeconds(5));
            if (partitions != null) {
                partitions.forEach(p -> wanted.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        if (wanted.isEmpty() || wanted.equals(current)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(current);
        c.assign(wanted);
        if (current.isEmpty()) {
            readBack(c, added);
        } else {
            c.seekToBeginning(added);
        }
        current.clear();
        current.addAll(wanted);
        assigned = true;
        LOG.infof("live feed reading %d partitions", wanted.size());
    }

    /** Seeks each partition to the retention window, but never more than buffer-size records back. */
    private void readBack(KafkaConsumer<String, String> c, Set<TopicPartition> partitions) {
        long since = System.currentTimeMillis() - config.stream().retention().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> byTime = c.offsetsForTimes(times, Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(10));
        Map<TopicPartition, Long> begins = c.beginningOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition tp : partitions) {
            long end = ends.getOrDefault(tp, 0L);
            OffsetAndTimestamp found = byTime.get(tp);
            long from = found == null ? end : found.offset();
            from = Math.max(from, Math.max(begins.getOrDefault(tp, 0L), end - config.stream().bufferSize()));
            c.seek(tp, from);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
