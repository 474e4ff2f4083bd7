package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A backlog, as a bulk or a rebuild of the assessments leaves it on georisk.assessments: many records per poll, several
 * of one pair in one batch, redeliveries and older versions among them. Every alert the records call for is raised
 * exactly once, in order, with the trace of the record that raised it — also when the database fails mid-batch.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");
    private static final int COOLDOWN_MINUTES = 180;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource database;

    /** A record to send: the assessment and the trace id of "its" event, unique per record. */
    private record Sent(PairAssessment assessment, String traceId) {
    }

    @Test
    void aBacklogWithRepeatsAndOlderVersionsRaisesEachAlertOnceInOrderWithItsRecordsTrace() {
        List<String> pairs = List.of("CZE-POL", "HUN-SVK", "AUT-SVN", "DNK-SWE");
        UUID rises = Subscriptions.create(Map.of("name", "backlog rises", "pairs", pairs,
                "rules", List.of(Map.of("kind", "LEVEL_UP")), "cooldownMinutes", COOLDOWN_MINUTES));
        List<Sent> backlog = backlog(pairs, 2000, new Random(7));
        Map<String, List<String>> expected = expectedAlerts(backlog, rises);

        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            in.sendAll(backlog.stream().map(s -> traced(in, s)).toList());

            for (String pair : pairs) {
                List<String> wanted = expected.get(pair);
                String last = wanted.get(wanted.size() - 1);
                List<Alert> alerts = out.until(a -> a.pair().equals(pair), a -> describe(a, rises).equals(last),
                        TIMEOUT);
                assertEquals(wanted, alerts.stream().map(a -> describe(a, rises)).toList(),
                        pair + ": every alert once, none missing, in the order of the assessments");
                assertEquals(alerts.size(), alerts.stream().map(Alert::alertId).distinct().count(),
                        pair + ": each alert has an id of its own");
                for (Alert alert : alerts) {
                    String traceparent = out.header(alert.alertId(), "traceparent");
                    assertEquals(traceOfVersion(backlog, pair, alert.assessmentVersion()),
                            traceparent == null ? null : traceparent.split("-")[1],
                            "the alert carries the trace of the record that raised it: " + describe(alert, rises));
                }
            }
            assertTrue(expected.values().stream().mapToInt(List::size).sum() > 500,
                    "the backlog raises plenty of alerts (otherwise it tests little)");
        }
    }

    @Test
    void aDatabaseFailureMidBatchLosesAndRepeatsNothing() throws Exception {
        String failing = "BEL-NLD";
        String beside = "ESP-PRT";
        int failAt = 30;
        List<PairAssessment> backlog = new ArrayList<>();
        for (int v = 1; v <= 60; v++) {
            // LOW and GUARDED by turns: from v2 on every version changes the level and raises a built-in alert
            backlog.add(Assessments.of(failing, v, T0.plus(Duration.ofHours(v)), v % 2 == 0 ? 30 : 10));
            backlog.add(Assessments.of(beside, v, T0.plus(Duration.ofHours(v)), v % 2 == 0 ? 30 : 10));
        }
        // PostgreSQL itself refuses the score point of one assessment in the middle of the backlog, until the trigger
        // is dropped: the batch's transaction fails after the records before it were evaluated (their alerts written
        // to the outbox), as it would when the database went away. The sequence counts the refusals; it is not
        // rolled back with the transaction.
        sql("create sequence batch_test_failures",
                "create function batch_test_refuse() returns trigger language plpgsql as 'begin "
                        + "perform nextval(''batch_test_failures''); raise exception ''refused by the test''; end'",
                "create trigger batch_test_refuse before insert on score_point for each row when (new.pair = '"
                        + failing + "' and new.version = " + failAt + ") execute function batch_test_refuse()");
        try (Assessments in = new Assessments(json); AlertTopic out = new AlertTopic(json)) {
            try {
                in.sendAll(backlog.stream().map(in::record).toList());
                awaitFailures(2);
                List<Alert> meanwhile = out.within(a -> a.pair().equals(failing), Duration.ofSeconds(1));
                assertTrue(meanwhile.stream().noneMatch(a -> a.assessmentVersion() >= failAt),
                        "nothing from the refused assessment on is skipped past while the database fails: "
                                + meanwhile);
            } finally {
                sql("drop trigger if exists batch_test_refuse on score_point");
            }

            for (String pair : List.of(failing, beside)) {
                List<String> wanted = new ArrayList<>();
                for (int v = 2; v <= 60; v++) {
                    wanted.add(v + " builtin " + (v % 2 == 0 ? "LEVEL_UP LOW->GUARDED" : "LEVEL_DOWN GUARDED->LOW"));
                }
                List<Alert> alerts = out.until(a -> a.pair().equals(pair),
                        a -> a.pair().equals(pair) && a.assessmentVersion() == 60, TIMEOUT);
                assertEquals(wanted, alerts.stream().map(a -> describe(a, null)).toList(),
                        pair + ": after the failure every alert is there once, in order");
            }
            assertTrue(failures() >= 2, "the database refused the batch, and it was retried");
        } finally {
            sql("drop trigger if exists batch_test_refuse on score_point",
                    "drop function if exists batch_test_refuse()",
                    "drop sequence if exists batch_test_failures");
        }
    }

    /**
     * {@code count} assessments over {@code pairs}, shuffled between pairs: mostly each pair's next version (now and
     * then skipping one), besides repeats of versions already sent (a redelivery, or older than the one stored) and
     * skipped versions sent late (older than the one stored: never evaluated). Scores at random, so levels change.
     */
    private static List<Sent> backlog(List<String> pairs, int count, Random random) {
        Map<String, Long> next = new HashMap<>();
        Map<String, List<PairAssessment>> sent = new HashMap<>();
        Map<String, List<PairAssessment>> skipped = new HashMap<>();
        List<Sent> backlog = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pair = pairs.get(random.nextInt(pairs.size()));
            List<PairAssessment> sentOfPair = sent.computeIfAbsent(pair, p -> new ArrayList<>());
            List<PairAssessment> skippedOfPair = skipped.computeIfAbsent(pair, p -> new ArrayList<>());
            int kind = random.nextInt(100);
            PairAssessment assessment;
            if (kind < 10 && !sentOfPair.isEmpty()) {
                assessment = sentOfPair.get(sentOfPair.size() - 1);                       // the latest, again
            } else if (kind < 20 && !sentOfPair.isEmpty()) {
                assessment = sentOfPair.get(random.nextInt(sentOfPair.size()));           // any earlier, again
            } else if (kind < 30 && !skippedOfPair.isEmpty()) {
                assessment = skippedOfPair.remove(random.nextInt(skippedOfPair.size())); // late
            } else {
                long version = next.merge(pair, 1L, Long::sum);
                if (random.nextInt(10) == 0) {
                    skippedOfPair.add(assessment(pair, version, random));
                    version = next.merge(pair, 1L, Long::sum);
                }
                assessment = assessment(pair, version, random);
            }
            sentOfPair.add(assessment);
            backlog.add(new Sent(assessment, String.format("%016x%016x", 0xBA7C4L, i + 1)));
        }
        return backlog;
    }

    private static PairAssessment assessment(String pair, long version, Random random) {
        return Assessments.of(pair, version, T0.plus(Duration.ofHours(version)), random.nextInt(100));
    }

    /**
     * What the rules call for, worked out here from the records alone: a record is evaluated only when its version is
     * newer than the pair's last evaluated one; the built-in rule fires on every level change (a first assessment
     * counting from LOW), the subscription on a rise unless within its cooldown (event time) of its last alert.
     */
    private static Map<String, List<String>> expectedAlerts(List<Sent> backlog, UUID subscription) {
        Map<String, PairAssessment> stored = new HashMap<>();
        Map<String, Instant> lastRise = new HashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Sent sent : backlog) {
            PairAssessment a = sent.assessment();
            PairAssessment before = stored.get(a.pair());
            if (before != null && a.version() <= before.version()) {
                continue;
            }
            Level from = before == null ? Level.LOW : before.level();
            List<String> alerts = expected.computeIfAbsent(a.pair(), p -> new ArrayList<>());
            if (a.level().compareTo(from) > 0) {
                alerts.add(a.version() + " builtin LEVEL_UP " + from + "->" + a.level());
                Instant last = lastRise.get(a.pair());
                if (last == null || !a.asOf().isBefore(last.plus(Duration.ofMinutes(COOLDOWN_MINUTES)))) {
                    alerts.add(a.version() + " subscription LEVEL_UP " + from + "->" + a.level());
                    lastRise.put(a.pair(), a.asOf());
                }
            } else if (a.level().compareTo(from) < 0) {
                alerts.add(a.version() + " builtin LEVEL_DOWN " + from + "->" + a.level());
            }
            stored.put(a.pair(), a);
        }
        return expected;
    }

    /** The trace id of the record that was evaluated for this version: the first one sent, later ones are repeats. */
    private static String traceOfVersion(List<Sent> backlog, String pair, long version) {
        return backlog.stream()
                .filter(s -> s.assessment().pair().equals(pair) && s.assessment().version() == version)
                .findFirst().map(Sent::traceId).orElseThrow();
    }

    private static ProducerRecord<String, String> traced(Assessments in, Sent sent) {
        return in.traced(sent.assessment(), "00-" + sent.traceId() + "-00f067aa0ba902b7-01", T0);
    }

    private static String describe(Alert alert, UUID subscription) {
        String source = alert.subscriptionId() == null ? "builtin"
                : alert.subscriptionId().equals(subscription) ? "subscription" : "other " + alert.subscriptionId();
        return alert.assessmentVersion() + " " + source + " " + alert.kind() + " " + alert.previousLevel() + "->"
                + alert.level();
    }

    private void awaitFailures(long atLeast) throws Exception {
        org.awaitility.Awaitility.await("the database to refuse the batch " + atLeast + " times")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> failures() >= atLeast);
    }

    private long failures() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select case when is_called then last_value else 0 end "
                     + "from batch_test_failures")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
