package org.georisk.assessment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.georisk.assessment.service.ScoringFixtures.CODES;
import static org.georisk.assessment.service.ScoringFixtures.event;
import static org.georisk.assessment.service.ScoringFixtures.score;
import static org.georisk.assessment.service.ScoringFixtures.scoreAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The properties docs/scoring.md promises, on generated data. */
class ScoringPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void twentyArrivalOrdersGiveIdenticalJson() throws Exception {
        Random random = new Random(7);
        List<GeoEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // few codes and days, so many rows share a story and stories cross the trend window
            events.add(event("e" + i, "AZE", "RUS", T0.plus(Duration.ofHours(random.nextInt(24 * 40))),
                    CODES.get(random.nextInt(12)), random.nextInt(201) / 10.0 - 10, 1 + random.nextInt(30)));
        }
        events.add(events.get(17)); // a re-post: dropped whatever its position
        String expected = MAPPER.writeValueAsString(score(events));
        for (int order = 0; order < 20; order++) {
            Collections.shuffle(events, new Random(order));
            assertEquals(expected, MAPPER.writeValueAsString(score(events)), "order " + order);
        }
    }

    @Test
    void oneEventStaysBelowHighAndAtMostThreeBelowSevere() {
        Random random = new Random(11);
        for (double g = -10; g <= 10; g += 0.5) {
            for (int mentions : new int[]{1, 3, 10, 1000}) {
                PairAssessment one = score(List.of(event("x", "ISR", "LBN", T0, "190", g, mentions)));
                assertTrue(one.score() < 70, "one event " + g + "/" + mentions + " scored " + one.score());
            }
        }
        for (int trial = 0; trial < 2000; trial++) {
            List<GeoEvent> events = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                events.add(event("t" + trial + "-" + i, "ISR", "LBN", T0.plus(Duration.ofDays(random.nextInt(3))),
                        CODES.get(random.nextInt(CODES.size())), -10 + random.nextInt(4), 1 + random.nextInt(200)));
            }
            PairAssessment a = score(events);
            assertTrue(a.score() < 85, n + " events scored " + a.score());
        }
    }

    @Test
    void oneMildEventStaysLow() {
        for (double g = -4; g <= 10; g += 0.5) {
            for (int mentions = 1; mentions <= 3; mentions++) {
                PairAssessment a = score(List.of(event("m", "FRA", "DEU", T0, "111", g, mentions)));
                assertTrue(a.score() < 25, g + "/" + mentions + " scored " + a.score());
            }
        }
    }

    @Test
    void fiftyCopiesOfOneRowScoreAsOneRow() {
        List<GeoEvent> copies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            copies.add(event("copy" + i, "IRN", "ISR", T0.plusSeconds(i), "190", -10, 8));
        }
        PairAssessment one = score(copies.subList(0, 1));
        PairAssessment fifty = score(copies);
        assertEquals(one.acute(), fifty.acute(), 0.011);
        assertEquals(one.structural(), fifty.structural(), 0.011);
        assertEquals(1, fifty.storyCount());
        assertEquals(50, fifty.eventCount());
    }

    @Test
    void tenAndThirtyTimesTheSameMixScoreWithinFivePoints() {
        double[] mix = {-10, -6.5, -4, -2, 0, 1, 3.4, 3.4, 5, 7};
        PairAssessment ten = score(repeatedMix(mix, 10));
        PairAssessment thirty = score(repeatedMix(mix, 30));
        assertTrue(Math.abs(ten.score() - thirty.score()) <= 5, ten.score() + " vs " + thirty.score());
        assertTrue(ten.score() > 0, "the mix is hostile above the baseline");
    }

    @Test
    void aDomesticPairAtItsBaselineStaysBelowGuardedOverThreeHundredEvents() {
        // a quarter of the evidence maximally hostile, the rest neutral: exactly the domestic baseline share 0.25
        List<GeoEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(event("d" + i, "USA", null, T0.plus(Duration.ofDays(i / 5)), CODES.get(i % 5),
                    i % 4 == 0 ? -10 : 0, 1));
        }
        PairAssessment a = score(events);
        assertEquals("USA-USA", a.pair());
        assertTrue(a.level() == Level.LOW, "scored " + a.score());
    }

    @Test
    void sixtyDaysOfDailyMaterialConflictReachSevere() {
        List<GeoEvent> events = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            events.add(event("war" + day, "ARM", "AZE", T0.plus(Duration.ofDays(day)), "190", -10, 1));
        }
        assertEquals(Level.SEVERE, score(events).level());
    }

    @Test
    void aCooperativeOrNeutralEventNeverRaisesTheScore() {
        Random random = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            List<GeoEvent> events = randomDispute(random, "c" + trial, 1 + random.nextInt(12));
            double before = score(events).score();
            Instant at = T0.plus(Duration.ofHours(random.nextInt(24 * 60)));
            events.add(event("c" + trial + "-coop", "CHN", "TWN", at, CODES.get(random.nextInt(CODES.size())),
                    random.nextInt(101) / 10.0, 1 + random.nextInt(500)));
            double after = score(events).score();
            assertTrue(after <= before, "trial " + trial + ": " + before + " -> " + after);
        }
    }

    @Test
    void oneCooperativeEventLowersADisputeByAtMostAQuarter() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            List<GeoEvent> events = randomDispute(random, "q" + trial, 6 + random.nextInt(10));
            double before = score(events).score();
            events.add(event("q" + trial + "-coop", "CHN", "TWN", T0.plus(Duration.ofDays(30)), "057", 10, 1000));
            double after = score(events).score();
            assertTrue(after >= 0.75 * before, "trial " + trial + ": " + before + " -> " + after);
        }
    }

    @Test
    void aDisputeKeepsMostOfItsScoreTwoMonthsAfterItsLastEvent() {
        Random random = new Random(9);
        for (int trial = 0; trial < 100; trial++) {
            AssessmentCalculator.Result r = scoreAll(randomDispute(random, "k" + trial, 6 + random.nextInt(10)));
            PairAssessment later = AssessmentDecay.at(r.assessment(), r.sums(), Evidence.ZERO,
                    r.assessment().asOf().plus(Duration.ofDays(60)), ScoringParameters.DEFAULTS);
            assertTrue(later.score() > 0.5 * r.assessment().score(),
                    r.assessment().score() + " -> " + later.score());
        }
    }

    /** Hostile stories on distinct days and codes within 30 days. */
    private static List<GeoEvent> randomDispute(Random random, String prefix, int stories) {
        List<GeoEvent> events = new ArrayList<>();
        for (int i = 0; i < stories; i++) {
            events.add(event(prefix + "-" + i, "CHN", "TWN", T0.plus(Duration.ofDays(random.nextInt(30))),
                    CODES.get(random.nextInt(CODES.size())), -4 - random.nextInt(7), 1 + random.nextInt(20)));
        }
        return events;
    }

    /** The mix as {@code times} × as many distinct stories on one day (real CAMEO codes keep them apart). */
    private static List<GeoEvent> repeatedMix(double[] mix, int times) {
        List<GeoEvent> events = new ArrayList<>();
        int story = 0;
        for (int t = 0; t < times; t++) {
            for (double g : mix) {
                events.add(event("mix" + story, "RUS", "UKR", T0, CODES.get(story), g, 3));
                story++;
            }
        }
        return events;
    }
}
