package org.georisk.assessment.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.assessment.stream.AssessmentTopology;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Rebuild throughput: N generated events on a fresh in-process broker, then (1) the raw consumer rate of
 * georisk.events and (2) the rate at which a fresh AssessmentTopology (RocksDB, exactly_once_v2) works through the
 * same log. Prints figures; asserts nothing about speed. Skipped unless asked for:
 * <pre>mvn -o -q -pl assessment-service test -Dtest=RebuildBenchmark -Dgeorisk.benchmark.events=1000000
 *     [-Dgeorisk.benchmark.commit-interval-ms=100] [-Dgeorisk.benchmark.actors=40]</pre>
 * {@code actors} takes the first n of the 40 actor codes: 40 give 820 pairs (~1 event per pair and week at 1M
 * events over two years), 6 give 21 hot pairs (~450 events per pair and week), where the size of the per-pair
 * state matters.
 */
class RebuildBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String[] ACTORS = {"AZE", "RUS", "ARM", "TUR", "GEO", "IRN", "UKR", "BLR", "KAZ", "USA",
            "CHN", "FRA", "DEU", "GBR", "ISR", "EU", "NATO", "CSTO", "EAEU", "UN", "POL", "ROU", "MDA", "IND",
            "PAK", "SAU", "EGY", "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA", "ARG", "MEX", "CAN", "ZAF", "NGA",
            "ETH", "KEN"};

    @Test
    void rebuildRate() throws Exception {
        int count = Integer.getInteger("georisk.benchmark.events", 0);
        assumeTrue(count > 0, "set -Dgeorisk.benchmark.events=N to run the benchmark");
        String bootstrap = KafkaBrokerResource.bootstrapServers();

        long t0 = System.nanoTime();
        produce(bootstrap, count);
        double produceSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("produced %,d events in %.1f s: %,.0f events/s%n", count, produceSecs, count / produceSecs);

        t0 = System.nanoTime();
        long consumed = consumeAll(bootstrap, count);
        double consumeSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("raw consumer: %,d records in %.1f s: %,.0f records/s%n", consumed, consumeSecs,
                consumed / consumeSecs);

        String appId = "georisk-assessment-bench-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/bench-state/" + appId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        // exactly_once_v2 commits (and flushes every RocksDB store) every 100 ms unless told otherwise
        long commitMs = Long.getLong("georisk.benchmark.commit-interval-ms", 100);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        // the service's record cache (application.properties)
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        t0 = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(AssessmentTopology.build(MAPPER, ScoringParameters.DEFAULTS), props);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            streams.start();
            Map<TopicPartition, Long> end = endOffsets(admin);
            // the figure is timed to the half second of this poll
            await("the stream's commits reach the end of the log").atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                                .partitionsToOffsetAndMetadata().get();
                        return end.keySet().stream().mapToLong(tp -> committed.containsKey(tp)
                                ? committed.get(tp).offset() : 0).sum() >= count;
                    });
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rebuild (RocksDB, exactly_once_v2, commit every %d ms, %d actors, from start-up to last"
                    + " commit): %,d events in %.1f s: %,.0f events/s%n", commitMs,
                    Math.min(ACTORS.length, Integer.getInteger("georisk.benchmark.actors", ACTORS.length)), count,
                    secs, count / secs);
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static void produce(String bootstrap, int count) throws Exception {
        Random random = new Random(1);
        int actors = Math.min(ACTORS.length, Integer.getInteger("georisk.benchmark.actors", ACTORS.length));
        Category[] categories = Category.values();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String a = ACTORS[random.nextInt(actors)];
                String b = ACTORS[random.nextInt(actors)];
                Instant at = start.plusSeconds(random.nextInt(730 * 86_400));
                GeoEvent e = new GeoEvent(EventIds.eventId("bench", Integer.toString(i)), "bench",
                        Integer.toString(i), at, a, b, "040", 1, Math.round((random.nextDouble() * 20 - 10) * 10) / 10.0,
                        1 + random.nextInt(20), categories[random.nextInt(categories.length)], "benchmark event " + i,
                        null, at);
                producer.send(new ProducerRecord<>(Topics.EVENTS, e.pairKey(), MAPPER.writeValueAsBytes(e)));
            }
            producer.flush();
        }
    }

    private static long consumeAll(String bootstrap, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            long n = 0;
            while (n < count) {
                n += consumer.poll(Duration.ofMillis(500)).count();
            }
            return n;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get()
                .get(Topics.EVENTS).partitions().stream().map(p -> new TopicPartition(Topics.EVENTS, p.partition()))
                .toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
