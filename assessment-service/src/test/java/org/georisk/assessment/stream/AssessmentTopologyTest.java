package org.georisk.assessment.stream;

import org.apache.kafka.streams.test.TestRecord;
import org.georisk.assessment.service.DecayMath;
import org.georisk.assessment.service.RiskModel;
import org.georisk.assessment.service.DecayedSums;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.Category;
import org.georisk.contracts.Driver;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.georisk.assessment.stream.TopologyHarness.event;
import static org.georisk.assessment.stream.TopologyHarness.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessmentTopologyTest {

    private static final Instant MAR1 = Instant.parse("2025-03-01T00:00:00Z");

    /** e1 hostile (G −6) at day 0 (DIPLOMATIC), e2 cooperative (G +4) at day 30 (ECONOMIC), e3 G −2 × 3 mentions at day 60. */
    private static List<GeoEvent> handComputedEvents() {
        return List.of(
                event("e1", "RUS", "AZE", MAR1, -6, 1, Category.DIPLOMATIC, "Embassy staff expelled"),
                event("e2", "AZE", "RUS", MAR1.plus(Duration.ofDays(30)), 4, 1, Category.ECONOMIC, "Trade talks"),
                event("e3", "AZE", "RUS", MAR1.plus(Duration.ofDays(60)), -2, 3, Category.DIPLOMATIC, "Protest note"));
    }

    @Test
    void decayedScoresMatchHandComputedValues() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.sendAll(handComputedEvents());
            List<TestRecord<String, byte[]>> out = h.emitted();
            assertEquals(3, out.size());
            PairAssessment a = read(out.get(2).value());
            // e = 1, 1, 1 + ln 3; x = √0.6, 0, √0.2; weight 1, 0.5 (cooperative), 1. Acute (30 d) at day 60:
            // E = 0.25 + 0.25 + 2.0986 = 2.5986, X = 0.1936 + 0.9385 = 1.1322, s = (X + 14·0.15)/(E + 14) = 0.1947,
            // u = 0.0526 → 14.60. Structural (365 d): decays 0.8922, 0.9446, 1 → 20.10 (docs/scoring.md)
            assertEquals("AZE-RUS", a.pair());
            assertEquals(14.60, a.acute());
            assertEquals(20.10, a.structural());
            assertEquals(20.10, a.score());
            assertEquals(-5.5, a.escalation());
            assertEquals(Level.LOW, a.level());
            assertEquals(Map.of(Category.DIPLOMATIC, 21.76, Category.ECONOMIC, 0.0), a.categoryScores());
            // a week earlier only the stories of e1 and e2 count, valued at day 53: 10.69
            assertEquals(9.41, a.trend7d());
            // ρ = (E_a/30)/((E_s + 20)/365) = 1.3475 → ln ρ / ln(365/30) = 11.94; priority 20.10 × (0.4 + 0.6 × 0.1194)
            assertEquals(11.94, a.salience());
            assertEquals(9.48, a.priority());
            // strength e·|G|/10 decayed to day 60 on 30 days: 0.4197, 0.2 (cooperative: negative), 0.15
            assertEquals(List.of("Protest note", "Trade talks", "Embassy staff expelled"),
                    a.drivers().stream().map(Driver::headline).toList());
            assertEquals(List.of(0.4197, -0.2, 0.15), a.drivers().stream().map(Driver::contribution).toList());
            assertEquals(3, a.eventCount());
            assertEquals(3, a.storyCount());
            assertEquals(3, a.version());
            assertEquals(MAR1.plus(Duration.ofDays(60)), a.asOf());
            String sums = TopologyHarness.header(out.get(2).headers(), DecayedSums.HEADER);
            assertNotNull(sums, "the decayed sums travel as a header for ?at= queries");
        }
    }

    @Test
    void sameEventsInTwentyOrdersGiveByteIdenticalAssessments() {
        List<GeoEvent> events = generated(200, new Random(7));
        Map<String, byte[]> reference = null;
        Map<String, String> referenceSums = null;
        Random shuffler = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<GeoEvent> order = new ArrayList<>(events);
            Collections.shuffle(order, shuffler);
            try (TopologyHarness h = new TopologyHarness()) {
                h.sendAll(order);
                List<TestRecord<String, byte[]>> out = h.emitted();
                assertEquals(events.size(), out.size(), "one assessment per distinct event");
                Map<String, byte[]> last = TopologyHarness.lastPerPair(out);
                // the sums header: order-independent but for `applied`, which is by definition the pair's last arrival
                Map<String, String> sums = new HashMap<>();
                Map<String, DecayedSums.Applied> applied = new HashMap<>();
                for (TestRecord<String, byte[]> r : out) {
                    DecayedSums header = readSums(TopologyHarness.header(r.headers(), DecayedSums.HEADER));
                    sums.put(r.key(), new String(TopologyHarness.json(
                            new DecayedSums(header.asOf(), header.total(), header.categories(), null)),
                            StandardCharsets.UTF_8));
                    applied.put(r.key(), header.applied());
                }
                Map<String, GeoEvent> lastSent = new HashMap<>();
                order.forEach(e -> lastSent.put(e.pairKey(), e));
                lastSent.forEach((pair, e) -> assertEquals(e.occurredAt().truncatedTo(ChronoUnit.DAYS),
                        applied.get(pair).day(), pair));
                if (reference == null) {
                    reference = last;
                    referenceSums = sums;
                    continue;
                }
                assertEquals(reference.keySet(), last.keySet());
                for (String pair : reference.keySet()) {
                    assertArrayEquals(reference.get(pair), last.get(pair), "round " + round + " pair " + pair
                            + "\n" + new String(reference.get(pair), StandardCharsets.UTF_8)
                            + "\n" + new String(last.get(pair), StandardCharsets.UTF_8));
                }
                assertEquals(referenceSums, sums);
            }
        }
        Map<String, Long> perPair = new HashMap<>();
        events.forEach(e -> perPair.merge(e.pairKey(), 1L, Long::sum));
        for (Map.Entry<String, byte[]> e : reference.entrySet()) {
            PairAssessment a = read(e.getValue());
            assertEquals(perPair.get(e.getKey()), a.eventCount());
            assertEquals(perPair.get(e.getKey()), a.version());
            assertTrue(a.drivers().size() <= 5);
        }
    }

    /**
     * trend7d against a from-scratch computation in doubles: the score, at asOf − 7 days, of the stories dated at or
     * before then (a story: same pair, UTC day, code and category; its largest mentions and smallest Goldstein).
     */
    @Test
    void trend7dIsTheScoreNowMinusTheScoreOfTheStoriesAWeekEarlier() {
        List<GeoEvent> events = generated(200, new Random(3));
        List<GeoEvent> order = new ArrayList<>(events);
        Collections.shuffle(order, new Random(5));
        ScoringParameters p = ScoringParameters.DEFAULTS;
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.sendAll(order);
            Map<String, byte[]> last = TopologyHarness.lastPerPair(harness.emitted());
            for (Map.Entry<String, byte[]> entry : last.entrySet()) {
                PairAssessment a = read(entry.getValue());
                Instant weekBefore = a.asOf().minus(Duration.ofDays(7));
                Map<String, double[]> stories = new HashMap<>(); // key → {day ms, max mentions, min Goldstein}
                for (GeoEvent e : events) {
                    Instant day = e.occurredAt().truncatedTo(ChronoUnit.DAYS);
                    if (e.pairKey().equals(entry.getKey()) && !day.isAfter(weekBefore)) {
                        stories.merge(day + e.cameoCode() + e.category(),
                                new double[]{day.toEpochMilli(), e.mentions(), e.goldstein()},
                                (x, y) -> new double[]{x[0], Math.max(x[1], y[1]), Math.min(x[2], y[2])});
                    }
                }
                assertTrue(!stories.isEmpty(), "the sample has stories before the week of " + entry.getKey());
                double[] sums = new double[4];
                for (double[] st : stories.values()) {
                    double e = 1 + Math.log(Math.min(st[1], 10));
                    double x = Math.sqrt(Math.max(0, -st[2]) / 10);
                    double w = st[2] > 0 ? 0.5 : 1;
                    Instant day = Instant.ofEpochMilli((long) st[0]);
                    double fa = DecayMath.decayFactor(day, weekBefore, p.acuteMillis());
                    double fs = DecayMath.decayFactor(day, weekBefore, p.structuralMillis());
                    sums[0] += w * e * fa;
                    sums[1] += e * x * fa;
                    sums[2] += w * e * fs;
                    sums[3] += e * x * fs;
                }
                double before = RiskModel.score(new RiskModel.Sums(sums[0], sums[1], sums[2], sums[3]),
                        p.priorFor(entry.getKey()), p);
                assertEquals(RiskModel.difference(a.score(), before), a.trend7d(), 0.011, entry.getKey());
            }
        }
    }

    @Test
    void aDuplicateEventIdIsDroppedBeforeItCounts() {
        List<GeoEvent> events = handComputedEvents();
        GeoEvent first = events.get(0);
        GeoEvent repost = new GeoEvent(first.eventId(), first.source(), first.externalId(), first.occurredAt(),
                first.actor1(), first.actor2(), first.cameoCode(), first.quadClass(), -10.0, 50, first.category(),
                "re-posted with other numbers", null, Instant.now());
        try (TopologyHarness h = new TopologyHarness(); TopologyHarness clean = new TopologyHarness()) {
            h.send(events.get(0));
            h.send(events.get(1));
            h.send(repost);
            h.send(events.get(0));
            h.send(events.get(2));
            List<TestRecord<String, byte[]>> out = h.emitted();
            assertEquals(3, out.size(), "duplicates emit nothing");
            clean.sendAll(events);
            List<TestRecord<String, byte[]>> expected = clean.emitted();
            assertArrayEquals(expected.get(2).value(), out.get(2).value());
            assertEquals(3, read(out.get(2).value()).eventCount());
        }
    }

    @Test
    void anOutOfOrderFeedEndsInTheSameAssessment() {
        List<GeoEvent> inOrder = handComputedEvents();
        List<GeoEvent> late = List.of(inOrder.get(2), inOrder.get(0), inOrder.get(1));
        try (TopologyHarness a = new TopologyHarness(); TopologyHarness b = new TopologyHarness()) {
            a.sendAll(inOrder);
            b.sendAll(late);
            List<TestRecord<String, byte[]>> outB = b.emitted();
            // asOf never moves back when an older event arrives late
            assertEquals(List.of(inOrder.get(2).occurredAt(), inOrder.get(2).occurredAt(), inOrder.get(2).occurredAt()),
                    outB.stream().map(r -> read(r.value()).asOf()).toList());
            List<TestRecord<String, byte[]>> outA = a.emitted();
            assertArrayEquals(outA.get(2).value(), outB.get(2).value());
        }
    }

    @Test
    void onlyCooperationScoresZero() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(event("c1", "AZE", "TUR", MAR1, 7, 5, Category.DIPLOMATIC, "Strategic partnership"));
            h.send(event("c2", "TUR", "AZE", MAR1.plusSeconds(3600), 3.4, 2, Category.ECONOMIC, "Pipeline deal"));
            PairAssessment a = read(h.emitted().get(1).value());
            assertEquals(0.0, a.score());
            assertEquals(Level.LOW, a.level());
            assertEquals(Map.of(Category.DIPLOMATIC, 0.0, Category.ECONOMIC, 0.0), a.categoryScores());
            assertTrue(a.drivers().stream().allMatch(d -> d.contribution() < 0), "cooperation drivers are negative");
        }
    }

    @Test
    void driversAreTheFiveStrongestAtAsOf() {
        try (TopologyHarness h = new TopologyHarness()) {
            for (int i = 0; i < 8; i++) {
                // event i is a story of strength (i + 1)/10, all at the same instant: the strongest five are 8…4
                h.send(event("d" + i, "ARM", "RUS", MAR1, -(i + 1), 1, Category.SECURITY, "event " + (i + 1)));
            }
            List<TestRecord<String, byte[]>> out = h.emitted();
            PairAssessment a = read(out.get(out.size() - 1).value());
            assertEquals(List.of(0.8, 0.7, 0.6, 0.5, 0.4), a.drivers().stream().map(Driver::contribution).toList());
            assertEquals(8, a.eventCount());
        }
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheirReasonAndTheStreamKeepsGoing() {
        try (TopologyHarness h = new TopologyHarness()) {
            byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
            h.events.pipeInput("AZE-RUS", notJson);
            GeoEvent unknownActor = event("p1", "XXX", "RUS", MAR1, -4, 1, Category.DIPLOMATIC, null);
            h.events.pipeInput("RUS-XXX", TopologyHarness.json(unknownActor));
            GeoEvent noTime = event("p2", "AZE", "RUS", null, -4, 1, Category.DIPLOMATIC, null);
            h.events.pipeInput("AZE-RUS", TopologyHarness.json(noTime));
            GeoEvent wrongKey = event("p3", "AZE", "RUS", MAR1, -4, 1, Category.DIPLOMATIC, null);
            h.events.pipeInput("ARM-RUS", TopologyHarness.json(wrongKey));
            h.send(handComputedEvents().get(0));

            List<TestRecord<byte[], byte[]>> dead = h.dlq.readRecordsToList();
            assertEquals(4, dead.size());
            assertEquals("AZE-RUS", new String(dead.get(0).key(), StandardCharsets.UTF_8));
            assertArrayEquals(notJson, dead.get(0).value(), "the original bytes, untouched");
            assertTrue(TopologyHarness.header(dead.get(0).headers(), Topics.DLQ_HEADER_REASON).startsWith("not a GeoEvent JSON"));
            assertTrue(TopologyHarness.header(dead.get(1).headers(), Topics.DLQ_HEADER_REASON).contains("actor1 is not a known actor code"));
            assertEquals("occurredAt is missing", TopologyHarness.header(dead.get(2).headers(), Topics.DLQ_HEADER_REASON));
            assertTrue(TopologyHarness.header(dead.get(3).headers(), Topics.DLQ_HEADER_REASON).contains("record key"));
            assertEquals(Topics.EVENTS, TopologyHarness.header(dead.get(0).headers(), Topics.DLQ_HEADER_SOURCE_TOPIC));
            assertEquals("0", TopologyHarness.header(dead.get(0).headers(), Topics.DLQ_HEADER_SOURCE_OFFSET));
            assertEquals("3", TopologyHarness.header(dead.get(3).headers(), Topics.DLQ_HEADER_SOURCE_OFFSET));

            List<TestRecord<String, byte[]>> out = h.emitted();
            assertEquals(1, out.size(), "the good event after the poison ones is assessed");
            assertEquals(1, read(out.get(0).value()).eventCount());
        }
    }

    /** Random events over five pairs, 120 days, every category, both signs, 1–40 mentions, a few codes (so rows share stories). */
    static List<GeoEvent> generated(int count, Random random) {
        String[][] pairs = {{"AZE", "RUS"}, {"ARM", "RUS"}, {"AZE", "TUR"}, {"ARM", "EU"}, {"ARM", null}};
        List<GeoEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] pair = pairs[random.nextInt(pairs.length)];
            Instant at = MAR1.plusSeconds(random.nextInt(120 * 86_400)).plusMillis(random.nextInt(1000));
            double goldstein = Math.round((random.nextDouble() * 20 - 10) * 10) / 10.0;
            Category category = Category.values()[random.nextInt(Category.values().length)];
            String code = new String[]{"040", "042", "111", "190"}[random.nextInt(4)];
            events.add(event("gen-" + i, pair[0], pair[1], at, code, goldstein, 1 + random.nextInt(40), category,
                    "generated " + i));
        }
        return events;
    }

    private static DecayedSums readSums(String json) {
        try {
            return TopologyHarness.MAPPER.readValue(json, DecayedSums.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
