package org.georisk.notification.service;

import io.quarkus.logging.Log;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Category;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.repository.CooldownRepository.Key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules run over one batch's accepted assessments, in memory and in the batch's order: what an assessment changes
 * (the pair's level and category scores, a subscription's cooldown) is what the next assessment of that pair sees,
 * exactly as if each had been evaluated, written and read back on its own. Nothing here touches the database; the
 * caller loads the state before and writes what changed after.
 */
final class BatchEvaluation {

    private final List<SubscriptionRules> rules;
    private final Map<String, PairHistory> histories;
    private final Map<Key, Instant> cooldowns;
    private final Set<UUID> alreadyInOutbox;
    private final Map<Key, Instant> changedCooldowns = new LinkedHashMap<>();
    private final List<UUID> raisedIds = new ArrayList<>();

    /**
     * @param histories       the stored history of each pair of the batch (absent for a pair never seen)
     * @param cooldowns       the stored last alert time per (subscription, pair) of the batch's pairs
     * @param alreadyInOutbox alert ids found in the outbox: such an alert is not raised again, and (for a
     *                        subscription) does not start a cooldown, as when the outbox refused it
     */
    BatchEvaluation(List<SubscriptionRules> rules, Map<String, PairHistory> histories, Map<Key, Instant> cooldowns,
                    Set<UUID> alreadyInOutbox) {
        this.rules = rules;
        this.histories = new HashMap<>(histories);
        this.cooldowns = new HashMap<>(cooldowns);
        this.alreadyInOutbox = alreadyInOutbox;
    }

    /** The alerts one accepted assessment raises, in the order they go to the outbox; updates the pair's state. */
    List<OutboxWriter.Outgoing> evaluate(PairAssessment assessment, EventOrigin origin,
                                         RuleEvaluator.ScoreBaseline baseline, Instant now) {
        PairHistory history = histories.getOrDefault(assessment.pair(), PairHistory.firstSeen());
        List<OutboxWriter.Outgoing> raised = new ArrayList<>();
        RuleEvaluator.builtIn(assessment, history)
                .map(t -> AlertFactory.create(t, null, assessment, history, now))
                .filter(this::isNew)
                .ifPresent(alert -> raised.add(new OutboxWriter.Outgoing(alert, null, origin, now)));
        for (SubscriptionRules subscription : rules) {
            evaluate(subscription, assessment, history, baseline, now)
                    .ifPresent(alert -> raised.add(new OutboxWriter.Outgoing(alert, subscription, origin, now)));
        }
        histories.put(assessment.pair(), after(assessment));
        return raised;
    }

    /** The (subscription, pair) cooldowns the batch started, each with its latest time: what to store. */
    Map<Key, Instant> changedCooldowns() {
        return changedCooldowns;
    }

    /** The ids of every alert raised, to check against the outbox. */
    List<UUID> raisedIds() {
        return raisedIds;
    }

    private Optional<Alert> evaluate(SubscriptionRules subscription, PairAssessment assessment, PairHistory history,
                                     RuleEvaluator.ScoreBaseline baseline, Instant now) {
        if (!RuleEvaluator.matches(subscription, assessment)) {
            return Optional.empty();
        }
        Optional<Trigger> trigger = RuleEvaluator.firstTrigger(subscription, assessment, history, baseline);
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(subscription.id(), assessment.pair());
        Instant last = cooldowns.get(key);
        if (RuleEvaluator.inCooldown(last, assessment.asOf(), subscription.cooldownMinutes())) {
            Log.debugf("%s %s for subscription %s suppressed: cooldown since %s", assessment.pair(),
                    trigger.get().kind(), subscription.id(), last);
            return Optional.empty();
        }
        Alert alert = AlertFactory.create(trigger.get(), subscription.id(), assessment, history, now);
        if (!isNew(alert)) {
            return Optional.empty();
        }
        cooldowns.put(key, assessment.asOf());
        changedCooldowns.put(key, assessment.asOf());
        return Optional.of(alert);
    }

    private boolean isNew(Alert alert) {
        raisedIds.add(alert.alertId());
        return !alreadyInOutbox.contains(alert.alertId());
    }

    /** What the next assessment of the pair compares against: this one's level and category scores. */
    static PairHistory after(PairAssessment assessment) {
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        if (assessment.categoryScores() != null) {
            categories.putAll(assessment.categoryScores());
        }
        return new PairHistory(assessment.level(), categories);
    }
}
