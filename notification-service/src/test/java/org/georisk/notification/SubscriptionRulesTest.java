package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Category;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule kind fires exactly when it should and not again inside its cooldown. Every scenario ends with an
 * assessment whose level change raises a built-in alert: once that is on the topic, everything before it of the
 * same pair has been evaluated and published, so "no alert" can be asserted without waiting on a clock.
 */
@QuarkusTest
class SubscriptionRulesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");

    @Inject
    ObjectMapper json;

    private Assessments in;
    private AlertTopic out;

    @BeforeEach
    void open() {
        in = new Assessments(json);
        out = new AlertTopic(json);
    }

    @AfterEach
    void close() {
        in.close();
        out.close();
    }

    @Test
    void newPairFiresOnceOnTheFirstAssessment() {
        UUID sub = Subscriptions.create(Map.of("name", "new pairs", "pairs", List.of("per-chl"),
                "rules", List.of(Map.of("kind", "NEW_PAIR"))));
        in.send(Assessments.of("CHL-PER", 1, T0, 30));
        in.send(Assessments.of("CHL-PER", 1, T0, 30)); // redelivered: the same alert, not a second one
        in.send(Assessments.of("CHL-PER", 2, T0.plusSeconds(60), 55)); // end marker: built-in GUARDED -> ELEVATED

        List<Alert> alerts = alertsOf(sub, "CHL-PER", 2);

        assertEquals(List.of(1L), versions(alerts), "one alert for the first assessment, however often it is read");
        Alert alert = alerts.get(0);
        assertEquals(AlertKind.NEW_PAIR, alert.kind());
        assertEquals(sub, alert.subscriptionId());
        assertTrue(alert.message().startsWith("CHL-PER was assessed for the first time, at GUARDED (score 30.00)"),
                alert.message());
    }

    @Test
    void levelUpFiresOnCrossingsButNotInsideItsCooldown() {
        String pair = "BOL-PRY";
        UUID sub = Subscriptions.create(Map.of("name", "rises", "pairs", List.of(pair),
                "rules", List.of(Map.of("kind", "LEVEL_UP")), "cooldownMinutes", 120));
        in.send(Assessments.of(pair, 1, T0, 10));
        in.send(Assessments.of(pair, 2, T0.plus(Duration.ofMinutes(60)), 30));   // up: fires, cooldown to +180
        in.send(Assessments.of(pair, 3, T0.plus(Duration.ofMinutes(90)), 10));
        in.send(Assessments.of(pair, 4, T0.plus(Duration.ofMinutes(120)), 30));  // up inside cooldown: nothing
        in.send(Assessments.of(pair, 5, T0.plus(Duration.ofMinutes(210)), 10));
        in.send(Assessments.of(pair, 6, T0.plus(Duration.ofMinutes(240)), 30));  // up after cooldown: fires
        in.send(Assessments.of(pair, 7, T0.plus(Duration.ofMinutes(250)), 55));  // up inside the new cooldown

        List<Alert> alerts = alertsOf(sub, pair, 7);

        assertEquals(List.of(2L, 6L), versions(alerts));
        assertTrue(alerts.stream().allMatch(a -> a.kind() == AlertKind.LEVEL_UP));
    }

    @Test
    void levelDownFiresOnlyOnDownwardCrossings() {
        String pair = "ECU-URY";
        UUID sub = Subscriptions.create(Map.of("name", "falls", "pairs", List.of(pair),
                "rules", List.of(Map.of("kind", "LEVEL_DOWN"))));
        in.send(Assessments.of(pair, 1, T0, 55));
        in.send(Assessments.of(pair, 2, T0.plusSeconds(60), 30));
        in.send(Assessments.of(pair, 3, T0.plusSeconds(120), 35));
        in.send(Assessments.of(pair, 4, T0.plusSeconds(180), 60));

        List<Alert> alerts = alertsOf(sub, pair, 4);

        assertEquals(List.of(2L), versions(alerts));
        assertEquals("ECU-URY fell from ELEVATED to GUARDED (score 30.00): driven by \"Event 2 between ECU-URY\" "
                + "(2025-04-01).", alerts.get(0).message());
    }

    @Test
    void scoreJumpComparesWithTheLowestScoreInsideTheWindowAndRespectsTheCooldown() {
        String pair = "GHA-TGO";
        UUID sub = Subscriptions.create(Map.of("name", "jumps", "pairs", List.of(pair),
                "rules", List.of(Map.of("kind", "SCORE_JUMP", "points", 20, "days", 7)), "cooldownMinutes", 2880));
        in.send(Assessments.of(pair, 1, T0, 10));
        in.send(Assessments.of(pair, 2, T0.plus(Duration.ofDays(1)), 25));   // +15: not enough
        in.send(Assessments.of(pair, 3, T0.plus(Duration.ofDays(2)), 32));   // +22 within 7 days: fires
        in.send(Assessments.of(pair, 4, T0.plus(Duration.ofDays(3)), 40));   // +30, but inside the 2-day cooldown
        in.send(Assessments.of(pair, 5, T0.plus(Duration.ofDays(20)), 35));  // nothing left in its 7-day window
        in.send(Assessments.of(pair, 6, T0.plus(Duration.ofDays(21)), 56));  // +21 against day 20: fires

        List<Alert> alerts = alertsOf(sub, pair, 6);

        assertEquals(List.of(3L, 6L), versions(alerts));
        assertTrue(alerts.get(0).message().startsWith("GHA-TGO rose 22.00 points within 7 days, to GUARDED"),
                alerts.get(0).message());
    }

    @Test
    void categoryThresholdFiresWhenTheCategoryPassesItUpward() {
        String pair = "KEN-UGA";
        UUID sub = Subscriptions.create(Map.of("name", "security", "pairs", List.of(pair),
                "rules", List.of(Map.of("kind", "CATEGORY_THRESHOLD", "category", "SECURITY", "threshold", 50))));
        in.send(security(pair, 1, 20, 30));
        in.send(security(pair, 2, 30, 55));   // passes 50: fires
        in.send(security(pair, 3, 32, 60));   // stays above: nothing
        in.send(security(pair, 4, 30, 40));   // falls below
        in.send(security(pair, 5, 31, 52));   // passes again: fires
        in.send(security(pair, 6, 55, 45));   // end marker

        List<Alert> alerts = alertsOf(sub, pair, 6);

        assertEquals(List.of(2L, 5L), versions(alerts));
        assertTrue(alerts.get(0).message().startsWith("KEN-UGA passed 50.00 in SECURITY (now 55.00), at GUARDED"),
                alerts.get(0).message());
    }

    @Test
    void filtersOnMinimumLevelAndLeadingCategory() {
        String pair = "MLI-NER";
        UUID elevated = Subscriptions.create(Map.of("name", "elevated and up", "pairs", List.of(pair),
                "minLevel", "ELEVATED", "rules", List.of(Map.of("kind", "LEVEL_UP"))));
        UUID economic = Subscriptions.create(Map.of("name", "economic only", "actor", "ner",
                "categories", List.of("ECONOMIC"), "rules", List.of(Map.of("kind", "LEVEL_UP"))));
        in.send(Assessments.of(pair, 1, T0, 30));                 // GUARDED: below minLevel
        in.send(Assessments.of(pair, 2, T0.plusSeconds(60), 60)); // ELEVATED: fires
        in.send(Assessments.of(pair, 3, T0.plusSeconds(120), 75)); // HIGH: fires

        List<Alert> all = out.until(a -> a.pair().equals(pair) && a.subscriptionId() != null,
                a -> a.pair().equals(pair) && a.subscriptionId() == null && a.assessmentVersion() == 3, TIMEOUT);

        assertEquals(List.of(2L, 3L), versions(all.stream().filter(a -> elevated.equals(a.subscriptionId())).toList()));
        assertEquals(List.of(), all.stream().filter(a -> economic.equals(a.subscriptionId())).toList(),
                "DIPLOMATIC leads these assessments, so the ECONOMIC-only subscription stays quiet");
    }

    private static PairAssessment security(String pair, long version, double score, double security) {
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        categories.put(Category.DIPLOMATIC, score);
        categories.put(Category.SECURITY, security);
        return Assessments.of(pair, version, T0.plus(Duration.ofHours(version)), score, categories);
    }

    /** The subscription's alerts for the pair, once the built-in alert of the end-marker version has arrived. */
    /**
     * The subscription's alerts once the pair's built-in alert at endVersion is in. That alert is written before the
     * subscriptions' alerts of the same assessment, so the topic is read on for a second to take those in too.
     */
    private List<Alert> alertsOf(UUID subscription, String pair, long endVersion) {
        out.until(a -> subscription.equals(a.subscriptionId()),
                a -> a.pair().equals(pair) && a.subscriptionId() == null && a.assessmentVersion() == endVersion,
                TIMEOUT);
        return out.within(a -> subscription.equals(a.subscriptionId()), Duration.ofSeconds(1));
    }

    private static List<Long> versions(List<Alert> alerts) {
        return alerts.stream().map(Alert::assessmentVersion).toList();
    }
}
