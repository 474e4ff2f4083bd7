package org.georisk.notification.service;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.SubscriptionRequest.Rule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleEvaluatorTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final RuleEvaluator.ScoreBaseline NO_HISTORY = since -> OptionalDouble.empty();

    @Test
    void builtInRuleSeesEveryLevelChangeAndCountsANewPairAsComingFromLow() {
        assertEquals(Optional.empty(), RuleEvaluator.builtIn(assessment(10), PairHistory.firstSeen()).map(Trigger::kind));
        assertEquals(Optional.of(AlertKind.LEVEL_UP),
                RuleEvaluator.builtIn(assessment(30), PairHistory.firstSeen()).map(Trigger::kind));
        assertEquals(Optional.of(AlertKind.LEVEL_DOWN),
                RuleEvaluator.builtIn(assessment(30), history(Level.HIGH)).map(Trigger::kind));
        assertEquals(Optional.empty(), RuleEvaluator.builtIn(assessment(45), history(Level.GUARDED)));
        assertEquals("rose from GUARDED to SEVERE",
                RuleEvaluator.builtIn(assessment(90), history(Level.GUARDED)).orElseThrow().change());
    }

    @Test
    void levelRulesFireOnlyInTheirDirection() {
        SubscriptionRules up = rules(new Rule(AlertKind.LEVEL_UP, null, null, null, null));
        SubscriptionRules down = rules(new Rule(AlertKind.LEVEL_DOWN, null, null, null, null));
        assertTrue(fires(up, assessment(55), history(Level.GUARDED)));
        assertFalse(fires(up, assessment(30), history(Level.ELEVATED)));
        assertTrue(fires(down, assessment(30), history(Level.ELEVATED)));
        assertFalse(fires(down, assessment(55), history(Level.GUARDED)));
        assertFalse(fires(down, assessment(35), history(Level.GUARDED)));
    }

    @Test
    void newPairFiresOnTheFirstAssessmentOnly() {
        SubscriptionRules s = rules(new Rule(AlertKind.NEW_PAIR, null, null, null, null));
        assertTrue(fires(s, assessment(5), PairHistory.firstSeen()));
        assertFalse(fires(s, assessment(5), history(Level.LOW)));
    }

    @Test
    void scoreJumpMeasuresTheRiseFromTheLowestScoreInsideTheWindow() {
        SubscriptionRules s = rules(new Rule(AlertKind.SCORE_JUMP, 20.0, 7, null, null));
        Instant[] askedSince = new Instant[1];
        RuleEvaluator.ScoreBaseline lowest30 = since -> {
            askedSince[0] = since;
            return OptionalDouble.of(30);
        };
        assertTrue(fires(s, assessment(50), history(Level.GUARDED), lowest30));
        assertEquals(NOW.minus(Duration.ofDays(7)), askedSince[0], "the window is 7 days of event time before asOf");
        assertFalse(fires(s, assessment(49.99), history(Level.GUARDED), lowest30));
        assertFalse(fires(s, assessment(90), history(Level.GUARDED), NO_HISTORY), "no history, no jump");
    }

    @Test
    void categoryThresholdFiresWhenPassedUpward() {
        SubscriptionRules s = rules(new Rule(AlertKind.CATEGORY_THRESHOLD, null, null, Category.SECURITY, 40.0));
        PairHistory below = new PairHistory(Level.GUARDED, Map.of(Category.SECURITY, 39.0));
        PairHistory above = new PairHistory(Level.GUARDED, Map.of(Category.SECURITY, 41.0));
        assertTrue(fires(s, withSecurity(40.0), below));
        assertTrue(fires(s, withSecurity(40.0), PairHistory.firstSeen()));
        assertFalse(fires(s, withSecurity(45.0), above), "already above: not passed again");
        assertFalse(fires(s, withSecurity(39.9), below));
    }

    @Test
    void theFirstFiringRuleNamesTheSingleAlert() {
        SubscriptionRules s = rules(new Rule(AlertKind.NEW_PAIR, null, null, null, null),
                new Rule(AlertKind.LEVEL_UP, null, null, null, null));
        assertEquals(AlertKind.NEW_PAIR, RuleEvaluator.firstTrigger(s, assessment(60), PairHistory.firstSeen(),
                NO_HISTORY).orElseThrow().kind());
        assertEquals(AlertKind.LEVEL_UP, RuleEvaluator.firstTrigger(s, assessment(60), history(Level.LOW),
                NO_HISTORY).orElseThrow().kind());
    }

    @Test
    void filtersOnPairsActorMinimumLevelAndLeadingCategory() {
        Rule up = new Rule(AlertKind.LEVEL_UP, null, null, null, null);
        PairAssessment a = assessment(60); // AZE-RUS, ELEVATED, DIPLOMATIC leads
        assertTrue(RuleEvaluator.matches(filter(Set.of("AZE-RUS"), null, Set.of(), null, up), a));
        assertFalse(RuleEvaluator.matches(filter(Set.of("ARM-RUS"), null, Set.of(), null, up), a));
        assertTrue(RuleEvaluator.matches(filter(Set.of(), "AZE", Set.of(), null, up), a));
        assertFalse(RuleEvaluator.matches(filter(Set.of(), "ARM", Set.of(), null, up), a));
        assertTrue(RuleEvaluator.matches(filter(Set.of(), null, Set.of(), Level.ELEVATED, up), a));
        assertFalse(RuleEvaluator.matches(filter(Set.of(), null, Set.of(), Level.HIGH, up), a));
        assertTrue(RuleEvaluator.matches(filter(Set.of(), null, Set.of(Category.DIPLOMATIC), null, up), a));
        assertFalse(RuleEvaluator.matches(filter(Set.of(), null, Set.of(Category.SECURITY), null, up), a));
    }

    @Test
    void cooldownIsMeasuredInEventTime() {
        Instant last = NOW.minus(Duration.ofMinutes(30));
        assertTrue(RuleEvaluator.inCooldown(last, NOW, 31));
        assertFalse(RuleEvaluator.inCooldown(last, NOW, 30), "a cooldown ends after exactly its minutes");
        assertFalse(RuleEvaluator.inCooldown(last, NOW, 0));
        assertFalse(RuleEvaluator.inCooldown(null, NOW, 60));
    }

    private static boolean fires(SubscriptionRules s, PairAssessment a, PairHistory h) {
        return fires(s, a, h, NO_HISTORY);
    }

    private static boolean fires(SubscriptionRules s, PairAssessment a, PairHistory h, RuleEvaluator.ScoreBaseline b) {
        return RuleEvaluator.firstTrigger(s, a, h, b).isPresent();
    }

    private static PairHistory history(Level level) {
        return new PairHistory(level, Map.of());
    }

    private static SubscriptionRules rules(Rule... rules) {
        return new SubscriptionRules(UUID.randomUUID(), Set.of(), null, Set.of(), null, List.of(rules), 0, null, null);
    }

    private static SubscriptionRules filter(Set<String> pairs, String actor, Set<Category> categories, Level min,
                                            Rule rule) {
        return new SubscriptionRules(UUID.randomUUID(), pairs, actor, categories, min, List.of(rule), 0, null, null);
    }

    static PairAssessment assessment(double score) {
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        categories.put(Category.DIPLOMATIC, score);
        categories.put(Category.SECURITY, score / 2);
        return new PairAssessment("AZE-RUS", score, Level.of(score), score, score, 0, 0, score, categories, 0,
                List.of(), 3, 3, 3, NOW);
    }

    private static PairAssessment withSecurity(double security) {
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        categories.put(Category.SECURITY, security);
        return new PairAssessment("AZE-RUS", 40, Level.GUARDED, 40, 40, 0, 0, 40, categories, 0, List.of(), 3, 3, 3,
                NOW);
    }
}
