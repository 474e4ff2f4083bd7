package org.georisk.notification.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.notification.Assessments;
import org.georisk.notification.Subscriptions;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Consume rate of notification-service on georisk.assessments, beside a raw KafkaConsumer reading the same records in
 * the same run. N assessments (190 pairs, each pair's versions in order, scores on a random walk so levels change now
 * and then, two subscriptions on every pair) are produced as fast as the producer goes; the service's rate is N over
 * the time from the first send until the group georisk-notification has committed every offset (lag 0). Then a raw
 * consumer (read_committed, no processing) reads the same offsets. Prints figures; asserts nothing about speed.
 * Skipped unless asked for (and best run alone, as here):
 * <pre>GEORISK_TEST_DB_SUFFIX=me mvn -o -q -pl notification-service test -Dtest=AssessmentDrainBenchmark \
 *     -Dgeorisk.benchmark.assessments=50000 [-Dgeorisk.benchmark.step=6]</pre>
 * {@code step} is the standard deviation of a pair's score change between two versions: 6 (the default) changes the
 * level of roughly one assessment in three, a backlog heavy in alerts; 1 raises few alerts.
 */
@QuarkusTest
class AssessmentDrainBenchmark {

    private static final String GROUP = "georisk-notification";
    private static final String[] ACTORS = {"ARG", "BRA", "CAN", "CHN", "DEU", "EGY", "FRA", "GBR", "IND", "IRN",
            "ISR", "JPN", "KOR", "MEX", "NGA", "PAK", "SAU", "TUR", "USA", "ZAF"};
    /** Versions far above anything the other tests use, so only this run's rows are counted. */
    private static final long FIRST_VERSION = 1_000_000_000L;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource database;

    @Test
    void drainRate() throws Exception {
        int count = Integer.getInteger("georisk.benchmark.assessments", 0);
        assumeTrue(count > 0, "set -Dgeorisk.benchmark.assessments=N to run the benchmark");
        double step = Double.parseDouble(System.getProperty("georisk.benchmark.step", "6"));
        List<String> pairs = pairs();
        // on the benchmark's pairs only, so other tests in the same run see no extra alerts
        Subscriptions.create(Map.of("name", "bench rises", "pairs", pairs,
                "rules", List.of(Map.of("kind", "LEVEL_UP")), "cooldownMinutes", 60));
        Subscriptions.create(Map.of("name", "bench jumps", "pairs", pairs,
                "rules", List.of(Map.of("kind", "SCORE_JUMP", "points", 15, "days", 7))));
        List<PairAssessment> backlog = backlog(pairs, count, step, new Random(1));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()));
             Assessments in = new Assessments(json)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> lag(admin, endOffsets(admin)) == 0);
            Map<TopicPartition, Long> start = endOffsets(admin);
            long evaluatedBefore = evaluated();
            List<ProducerRecord<String, String>> records = backlog.stream().map(in::record).toList();

            long t0 = System.nanoTime();
            in.sendAll(records);
            double produced = (System.nanoTime() - t0) / 1e9;
            long evaluatedWhenProduced = evaluated() - evaluatedBefore;
            Map<TopicPartition, Long> end = endOffsets(admin);
            long[] maxLag = {0};
            double[] evaluatedAt = {0};
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (evaluatedAt[0] == 0 && evaluated() - evaluatedBefore >= count) {
                    evaluatedAt[0] = (System.nanoTime() - t0) / 1e9;
                }
                long lag = lag(admin, end);
                maxLag[0] = Math.max(maxLag[0], lag);
                return lag == 0;
            });
            double drained = (System.nanoTime() - t0) / 1e9;

            long r0 = System.nanoTime();
            long raw = readRaw(start, end);
            double rawSecs = (System.nanoTime() - r0) / 1e9;

            double serviceRate = count / drained;
            double rawRate = raw / rawSecs;
            System.out.printf("produced %,d assessments (step %.1f) in %.1f s; alerts raised: %,d%n", count, step,
                    produced, alerts());
            System.out.printf("notification-service: lag 0 after %.1f s from the first send: %,.0f assessments/s "
                    + "(every score point committed after %.1f s: %,.0f/s); largest lag seen %,d%n", drained, serviceRate,
                    evaluatedAt[0], count / evaluatedAt[0], maxLag[0]);
            System.out.printf("after the last send: %,d more evaluated in %.1f s: %,.0f assessments/s%n",
                    count - evaluatedWhenProduced, evaluatedAt[0] - produced,
                    (count - evaluatedWhenProduced) / (evaluatedAt[0] - produced));
            System.out.printf("raw consumer (read_committed, same offsets): %,d records in %.2f s: %,.0f records/s%n",
                    raw, rawSecs, rawRate);
            System.out.printf("ratio raw / service: %.1f%n", rawRate / serviceRate);
        }
    }

    /** Records of the group not yet committed, summed over the partitions, up to the given end offsets. */
    private static long lag(Admin admin, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        return end.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
        }).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.ASSESSMENTS)).allTopicNames().get()
                .get(Topics.ASSESSMENTS).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(Topics.ASSESSMENTS, p))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Reads [start, end) of every partition as the service's consumer would (read_committed), doing nothing else. */
    private static long readRaw(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        long wanted = end.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            long read = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (read < wanted && Instant.now().isBefore(deadline)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            return read;
        }
    }

    private static List<String> pairs() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < ACTORS.length; i++) {
            for (int j = i + 1; j < ACTORS.length; j++) {
                pairs.add(ACTORS[i] + "-" + ACTORS[j]);
            }
        }
        return pairs;
    }

    private static List<PairAssessment> backlog(List<String> pairs, int count, double step, Random random) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<PairAssessment> backlog = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pair = pairs.get(random.nextInt(pairs.size()));
            long version = versions.merge(pair, 1L, Long::sum) + FIRST_VERSION;
            double score = Math.max(0, Math.min(100, scores.getOrDefault(pair, 20.0) + random.nextGaussian() * step));
            scores.put(pair, score);
            backlog.add(Assessments.of(pair, version, start.plus(Duration.ofHours(version - FIRST_VERSION)),
                    Math.round(score * 100) / 100.0));
        }
        return backlog;
    }

    /** Every evaluated assessment stores its score point (pruned only beyond score-history-days, far from here). */
    private long evaluated() throws Exception {
        return count("select count(*) from score_point where version > ?");
    }

    /** The alerts of this run's assessments: their payloads carry the assessment's version. */
    private long alerts() throws Exception {
        return count("select count(*) from alert_outbox where (payload::json ->> 'assessmentVersion')::bigint > ?");
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, FIRST_VERSION);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
