package org.georisk.notification.service;

import io.opentelemetry.context.Context;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Category;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.Assessments;
import org.georisk.notification.Subscriptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch is evaluated set-wise (states read at once, rules in memory, writes at the end), but must raise exactly the
 * alerts the same records raise evaluated one by one, each in a transaction of its own: the same history runs through
 * both on two sets of pairs — in batches of 150 with several assessments of a pair per batch, redeliveries and older
 * versions among them, and one record at a time — and the alerts (rule, kind, levels, score, sentence) must match.
 */
@QuarkusTest
class BatchEquivalenceTest {

    private static final Instant T0 = Instant.parse("2025-09-01T00:00:00Z");
    private static final List<String> BATCHED = List.of("BGR-ROU", "LUX-MCO", "BIH-SRB");
    private static final List<String> ONE_BY_ONE = List.of("MDA-UKR", "CHE-LIE", "MNE-SVN");

    @Inject
    AssessmentProcessor processor;

    @Test
    void aBatchRaisesTheSameAlertsAsItsRecordsOneByOne() {
        List<String> all = new ArrayList<>(BATCHED);
        all.addAll(ONE_BY_ONE);
        Subscriptions.create(Map.of("name", "equivalence rises", "pairs", all,
                "rules", List.of(Map.of("kind", "LEVEL_UP")), "cooldownMinutes", 240));
        Subscriptions.create(Map.of("name", "equivalence jumps", "pairs", all,
                "rules", List.of(Map.of("kind", "SCORE_JUMP", "points", 20, "days", 1),
                        Map.of("kind", "CATEGORY_THRESHOLD", "category", "SECURITY", "threshold", 40))));
        Subscriptions.create(Map.of("name", "equivalence news", "pairs", all, "minLevel", "GUARDED",
                "rules", List.of(Map.of("kind", "NEW_PAIR"), Map.of("kind", "LEVEL_DOWN")), "cooldownMinutes", 90));
        List<Integer> history = history(new Random(11));

        List<String> batched = new ArrayList<>();
        List<ReceivedAssessment> records = records(history, BATCHED);
        for (int from = 0; from < records.size(); from += 150) {
            List<ReceivedAssessment> batch = records.subList(from, Math.min(records.size(), from + 150));
            batched.addAll(describe(processor.process(batch), BATCHED));
        }
        List<String> oneByOne = new ArrayList<>();
        for (ReceivedAssessment record : records(history, ONE_BY_ONE)) {
            oneByOne.addAll(describe(processor.process(List.of(record)), ONE_BY_ONE)); // a transaction each
        }

        assertEquals(oneByOne, batched, "the same alerts, in the same order");
        assertTrue(batched.size() > 100, "the history raises plenty of alerts: " + batched.size());
        for (String kind : List.of("LEVEL_UP", "LEVEL_DOWN", "NEW_PAIR", "SCORE_JUMP", "CATEGORY_THRESHOLD")) {
            assertTrue(batched.stream().anyMatch(a -> a.contains(" " + kind + " ")), "some " + kind + " alert");
        }
    }

    /**
     * The history as codes: pair index * 1_000_000 + version * 10 + a score bucket; mostly each pair's next version,
     * with repeats of versions already sent and versions sent late, so several records of a pair share each batch.
     */
    private static List<Integer> history(Random random) {
        Map<Integer, Integer> next = new HashMap<>();
        Map<Integer, List<Integer>> sent = new HashMap<>();
        List<Integer> history = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            int pair = random.nextInt(3);
            List<Integer> earlier = sent.computeIfAbsent(pair, p -> new ArrayList<>());
            int kind = random.nextInt(100);
            int code;
            if (kind < 12 && !earlier.isEmpty()) {
                code = earlier.get(random.nextInt(earlier.size()));                  // a redelivery or an older version
            } else {
                int version = next.merge(pair, 1 + (random.nextInt(8) == 0 ? 1 : 0), Integer::sum); // now and then one skipped
                code = pair * 1_000_000 + version * 10 + random.nextInt(10);
            }
            earlier.add(code);
            history.add(code);
        }
        return history;
    }

    private static List<ReceivedAssessment> records(List<Integer> history, List<String> pairs) {
        return history.stream().map(code -> {
            String pair = pairs.get(code / 1_000_000);
            int version = code % 1_000_000 / 10;
            double score = code % 10 * 10 + 3;                                       // 3..93: every level
            Map<Category, Double> categories = new EnumMap<>(Category.class);
            categories.put(Category.DIPLOMATIC, score / 2);
            categories.put(Category.SECURITY, score);
            // event time: 50 minutes per version, so a one-day window and the cooldowns span several versions
            PairAssessment a = Assessments.of(pair, version, T0.plus(Duration.ofMinutes(50L * version)), score,
                    categories);
            return new ReceivedAssessment(a, EventOrigin.UNKNOWN, Context.root());
        }).toList();
    }

    /** Each alert without what names the pair set (the pair key and the ids derived from it). */
    private static List<String> describe(List<List<Alert>> raised, List<String> pairs) {
        List<String> described = new ArrayList<>();
        for (List<Alert> alerts : raised) {
            for (Alert a : alerts) {
                int pair = pairs.indexOf(a.pair());
                described.add("pair" + pair + " v" + a.assessmentVersion() + " " + a.subscriptionId() + " " + a.kind()
                        + " " + a.previousLevel() + "->" + a.level() + " " + a.score() + " "
                        + a.message().replace(a.pair(), "PAIR"));
            }
        }
        return described;
    }
}
