package org.georisk.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.config.NotificationConfig;
import org.georisk.notification.mapping.SubscriptionMapper;
import org.georisk.notification.repository.CooldownRepository;
import org.georisk.notification.repository.OutboxAlertEntity;
import org.georisk.notification.repository.PairStateEntity;
import org.georisk.notification.repository.ScoreHistoryRepository;
import org.georisk.notification.repository.SubscriptionEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Evaluates a batch of assessments (one poll of georisk.assessments) in ONE database transaction, one assessment after
 * the other in the order given, and writes what changed set-wise: the batch's pair states are read (and locked) in one
 * query, the rules run in memory ({@link BatchEvaluation}), and the score points, cooldowns, outbox rows and
 * pair states are written in a handful of statements, each pair's state once. The whole batch commits together or not
 * at all, so a failure leaves nothing of it behind and the caller can run it again from its first record.
 * Kafka is written afterwards by {@link OutboxRelay}, from the outbox.
 */
@ApplicationScoped
public class AssessmentProcessor {

    private static final TypeReference<Map<Category, Double>> CATEGORY_SCORES = new TypeReference<>() { };

    private final ScoreHistoryRepository scores;
    private final CooldownRepository cooldowns;
    private final SubscriptionMapper subscriptions;
    private final OutboxWriter outbox;
    private final NotificationConfig config;
    private final ObjectMapper json;

    public AssessmentProcessor(ScoreHistoryRepository scores, CooldownRepository cooldowns,
                               SubscriptionMapper subscriptions, OutboxWriter outbox, NotificationConfig config,
                               ObjectMapper json) {
        this.scores = scores;
        this.cooldowns = cooldowns;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    /**
     * The alerts each assessment raised, in the batch's order ({@code result.get(i)} belongs to {@code batch.get(i)});
     * empty for a redelivery or an older version than the one stored, including one stored earlier in this batch.
     */
    @Transactional
    public List<List<Alert>> process(List<ReceivedAssessment> batch) {
        // Read once per batch rather than once per assessment: a subscription created meanwhile applies from the next
        // batch on.
        List<SubscriptionRules> rules = SubscriptionEntity.<SubscriptionEntity>listAll().stream()
                .map(subscriptions::toRules)
                .toList();
        Map<String, PairStateEntity> states = PairStateEntity.lockedFor(new TreeSet<>(
                batch.stream().map(r -> r.assessment().pair()).toList()));
        List<Integer> accepted = accepted(batch, states);
        List<List<Alert>> raised = new ArrayList<>(batch.size());
        batch.forEach(r -> raised.add(new ArrayList<>()));
        if (accepted.isEmpty()) {
            return raised;
        }
        List<PairAssessment> assessments = accepted.stream().map(i -> batch.get(i).assessment()).toList();
        // Every accepted assessment's score point is written before any rule runs: a lookup only counts versions below
        // its own, so it sees exactly the points of the assessments evaluated before it, as one by one.
        scores.record(assessments.stream()
                .map(a -> new ScoreHistoryRepository.Point(a.pair(), a.version(), a.asOf(), a.score())).toList());
        ScoreBaselines baselines = new ScoreBaselines(scores, assessments, rules, config.scoreHistoryDays());

        Map<String, PairHistory> histories = new HashMap<>();
        states.forEach((pair, state) -> histories.put(pair, historyOf(state)));
        Map<CooldownRepository.Key, Instant> lastAlerts = cooldowns.lastAlerts(
                assessments.stream().map(PairAssessment::pair).distinct().toList());
        Evaluated evaluated = evaluate(batch, accepted, rules, histories, lastAlerts, baselines);

        List<OutboxWriter.Outgoing> alerts = new ArrayList<>();
        for (int k = 0; k < accepted.size(); k++) {
            List<OutboxWriter.Outgoing> of = evaluated.alerts().get(k);
            alerts.addAll(of);
            List<Alert> ofRecord = raised.get(accepted.get(k));
            of.forEach(out -> ofRecord.add(out.alert()));
        }
        outbox.addAll(alerts);
        cooldowns.record(evaluated.run().changedCooldowns());
        scores.prune(baselines.retentionBounds());
        saveStates(states, assessments);
        return raised;
    }

    /**
     * Indices of the records to evaluate, in order: newer than the pair's stored version and than any accepted earlier
     * in the batch. That is the whole redelivery check. The stored version is written in the same transaction as the
     * alerts, under the pair's row lock, so a redelivered record is never newer; two instances that take the same new
     * pair during a rebalance both insert its state row, and the second fails on its primary key, rolls back and runs
     * again. (A marker row per (pair, version) did the same job and grew by one row per event, forever.)
     */
    private List<Integer> accepted(List<ReceivedAssessment> batch, Map<String, PairStateEntity> states) {
        Map<String, Long> latest = new HashMap<>();
        states.forEach((pair, state) -> latest.put(pair, state.version));
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PairAssessment a = batch.get(i).assessment();
            Long before = latest.get(a.pair());
            if (before != null && a.version() <= before) {
                Log.debugf("%s v%d ignored: v%d already evaluated", a.pair(), a.version(), before);
            } else {
                accepted.add(i);
                latest.put(a.pair(), a.version());
            }
        }
        return accepted;
    }

    /** The rules over the accepted assessments, alerts.get(k) raised by accepted.get(k). */
    private record Evaluated(BatchEvaluation run, List<List<OutboxWriter.Outgoing>> alerts) {
    }

    /**
     * Runs the rules, then checks the alerts' ids against the outbox in one query. An alert already there is not
     * raised again and starts no cooldown, which can change what follows it; so the run is repeated with what was
     * found until it raises no id not checked yet. Normally the first run raises none that is there, and is kept.
     */
    private Evaluated evaluate(List<ReceivedAssessment> batch, List<Integer> accepted, List<SubscriptionRules> rules,
                               Map<String, PairHistory> histories, Map<CooldownRepository.Key, Instant> lastAlerts,
                               ScoreBaselines baselines) {
        Set<UUID> inOutbox = new HashSet<>();
        Set<UUID> checked = new HashSet<>();
        while (true) {
            BatchEvaluation run = new BatchEvaluation(rules, histories, lastAlerts, inOutbox);
            List<List<OutboxWriter.Outgoing>> alerts = new ArrayList<>(accepted.size());
            for (int k = 0; k < accepted.size(); k++) {
                ReceivedAssessment received = batch.get(accepted.get(k));
                try (Scope ignored = received.trace().makeCurrent()) {
                    alerts.add(run.evaluate(received.assessment(), received.origin(), baselines.of(k),
                            Instant.now()));
                }
            }
            List<UUID> unchecked = run.raisedIds().stream().filter(checked::add).toList();
            Set<UUID> found = OutboxAlertEntity.existing(unchecked);
            if (found.isEmpty()) {
                return new Evaluated(run, alerts);
            }
            inOutbox.addAll(found);
        }
    }

    private PairHistory historyOf(PairStateEntity state) {
        try {
            return new PairHistory(Level.valueOf(state.level), json.readValue(state.categoryScoresJson, CATEGORY_SCORES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored category scores of " + state.pair + " are not valid JSON", e);
        }
    }

    /** Each pair's state once, from its last accepted assessment (an update of the locked row, or a new row). */
    private void saveStates(Map<String, PairStateEntity> states, List<PairAssessment> assessments) {
        Map<String, PairAssessment> last = new LinkedHashMap<>();
        assessments.forEach(a -> last.put(a.pair(), a));
        Instant now = Instant.now();
        for (PairAssessment assessment : last.values()) {
            PairStateEntity existing = states.get(assessment.pair());
            PairStateEntity state = existing == null ? new PairStateEntity() : existing;
            state.pair = assessment.pair();
            state.level = assessment.level().name();
            state.version = assessment.version();
            state.asOf = assessment.asOf();
            try {
                state.categoryScoresJson = json.writeValueAsString(BatchEvaluation.after(assessment)
                        .previousCategoryScores());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write category scores", e);
            }
            state.updatedAt = now;
            if (existing == null) {
                state.persist();
            }
        }
    }
}
