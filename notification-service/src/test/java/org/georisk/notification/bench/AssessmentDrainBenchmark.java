package org.georisk.notification.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.Assessments;
import org.georisk.notification.Subscriptions;
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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drain rate of notification-service: N assessments (190 pairs, each pair's versions in order, scores on a random
 * walk so levels change now and then, two subscriptions on every pair) produced as fast as the producer goes, then the
 * time until every one of them is evaluated (its (pair, version) marker committed). Prints figures; asserts nothing
 * about speed. Skipped unless asked for (and best run alone, as here):
 * <pre>GEORISK_TEST_DB_SUFFIX=me mvn -o -q -pl notification-service test -Dtest=AssessmentDrainBenchmark \
 *     -Dgeorisk.benchmark.assessments=20000</pre>
 */
@QuarkusTest
class AssessmentDrainBenchmark {

    private static final String[] ACTORS = {"ARG", "BRA", "CAN", "CHN", "DEU", "EGY", "FRA", "GBR", "IND", "IRN",
            "ISR", "JPN", "KOR", "MEX", "NGA", "PAK", "SAU", "TUR", "USA", "ZAF"};
    /** Versions far above anything the other tests use, so only this run's markers are counted. */
    private static final long FIRST_VERSION = 1_000_000_000L;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource database;

    @Test
    void drainRate() throws Exception {
        int count = Integer.getInteger("georisk.benchmark.assessments", 0);
        assumeTrue(count > 0, "set -Dgeorisk.benchmark.assessments=N to run the benchmark");
        List<String> pairs = pairs();
        // on the benchmark's pairs only, so other tests in the same run see no extra alerts
        Subscriptions.create(Map.of("name", "bench rises", "pairs", pairs,
                "rules", List.of(Map.of("kind", "LEVEL_UP")), "cooldownMinutes", 60));
        Subscriptions.create(Map.of("name", "bench jumps", "pairs", pairs,
                "rules", List.of(Map.of("kind", "SCORE_JUMP", "points", 15, "days", 7))));
        List<PairAssessment> backlog = backlog(pairs, count, new Random(1));
        long before = evaluated();

        try (Assessments in = new Assessments(json)) {
            List<ProducerRecord<String, String>> records = backlog.stream().map(in::record).toList();
            long t0 = System.nanoTime();
            in.sendAll(records);
            double produced = (System.nanoTime() - t0) / 1e9;
            long doneWhenProduced = evaluated() - before;
            long done = doneWhenProduced;
            while (done < count) {
                Thread.sleep(100);
                done = evaluated() - before;
            }
            double total = (System.nanoTime() - t0) / 1e9;
            System.out.printf("produced %,d assessments in %.1f s (%,d already evaluated by then)%n", count, produced,
                    doneWhenProduced);
            System.out.printf("drained %,d assessments in %.1f s from the first send: %,.0f assessments/s%n", count,
                    total, count / total);
            System.out.printf("after the last send: %,d in %.1f s: %,.0f assessments/s; alerts raised: %,d%n",
                    count - doneWhenProduced, total - produced, (count - doneWhenProduced) / (total - produced),
                    alerts());
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

    private static List<PairAssessment> backlog(List<String> pairs, int count, Random random) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<PairAssessment> backlog = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pair = pairs.get(random.nextInt(pairs.size()));
            long version = versions.merge(pair, 1L, Long::sum) + FIRST_VERSION;
            double score = Math.max(0, Math.min(100, scores.getOrDefault(pair, 20.0) + random.nextGaussian() * 6));
            scores.put(pair, score);
            backlog.add(Assessments.of(pair, version, start.plus(Duration.ofHours(version - FIRST_VERSION)),
                    Math.round(score * 100) / 100.0));
        }
        return backlog;
    }

    private long evaluated() throws Exception {
        return count("select count(*) from processed_assessment where version > ?");
    }

    private long alerts() throws Exception {
        return count("select coalesce(sum(alerts), 0) from processed_assessment where version > ?");
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
