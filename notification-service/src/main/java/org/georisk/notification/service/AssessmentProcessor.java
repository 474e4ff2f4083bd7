package org.georisk.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.config.NotificationConfig;
import org.georisk.notification.mapping.SubscriptionMapper;
import org.georisk.notification.repository.CooldownRepository;
import org.georisk.notification.repository.PairStateEntity;
import org.georisk.notification.repository.ProcessedAssessmentRepository;
import org.georisk.notification.repository.ScoreHistoryRepository;
import org.georisk.notification.repository.SubscriptionEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a batch of assessments (one poll of georisk.assessments) in ONE database transaction, one assessment after
 * the other in the order given: for each, the (pair, version) marker, the pair's state and score history, the
 * cooldowns, the alerts (outbox) and their webhook deliveries. The whole batch commits together or not at all, so a
 * failure leaves nothing of it behind and the caller can run it again from its first record.
 * Kafka is written afterwards by {@link OutboxRelay}, from the outbox.
 */
@ApplicationScoped
public class AssessmentProcessor {

    private static final TypeReference<Map<Category, Double>> CATEGORY_SCORES = new TypeReference<>() { };

    private final ProcessedAssessmentRepository processed;
    private final ScoreHistoryRepository scores;
    private final CooldownRepository cooldowns;
    private final SubscriptionMapper subscriptions;
    private final OutboxWriter outbox;
    private final NotificationConfig config;
    private final ObjectMapper json;

    public AssessmentProcessor(ProcessedAssessmentRepository processed, ScoreHistoryRepository scores,
                               CooldownRepository cooldowns, SubscriptionMapper subscriptions, OutboxWriter outbox,
                               NotificationConfig config, ObjectMapper json) {
        this.processed = processed;
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
        EntityManager session = Panache.getEntityManager();
        // Read once per batch rather than once per assessment: a subscription created meanwhile applies from the next
        // batch on, as it applied from the next assessment before.
        List<SubscriptionRules> rules = SubscriptionEntity.<SubscriptionEntity>listAll().stream()
                .map(subscriptions::toRules)
                .toList();
        List<List<Alert>> raised = new ArrayList<>(batch.size());
        for (ReceivedAssessment received : batch) {
            try (Scope ignored = received.trace().makeCurrent()) {
                raised.add(evaluate(received.assessment(), received.origin(), rules));
                // The next assessment may be of the same pair: it must find this one's state, marker, score point and
                // cooldowns. Written out now and the session emptied, it reads them back from the database (in this
                // transaction, under the row lock already held), exactly as a transaction of its own would have.
                session.flush();
            }
            session.clear();
        }
        return raised;
    }

    /** One assessment, inside the batch's transaction. */
    private List<Alert> evaluate(PairAssessment assessment, EventOrigin origin, List<SubscriptionRules> rules) {
        Instant now = Instant.now();
        String pair = assessment.pair();
        Optional<PairStateEntity> state = PairStateEntity.lockedFor(pair);
        if (state.isPresent() && assessment.version() <= state.get().version) {
            Log.debugf("%s v%d ignored: v%d already evaluated", pair, assessment.version(), state.get().version);
            return List.of();
        }
        if (!processed.markProcessed(pair, assessment.version(), now)) {
            Log.debugf("%s v%d ignored: redelivery", pair, assessment.version());
            return List.of();
        }
        PairHistory history = state.map(this::historyOf).orElseGet(PairHistory::firstSeen);
        List<Alert> raised = new ArrayList<>();

        RuleEvaluator.builtIn(assessment, history)
                .map(t -> AlertFactory.create(t, null, assessment, history, now))
                .ifPresent(alert -> {
                    if (outbox.add(alert, now, origin) != null) {
                        raised.add(alert);
                    }
                });

        for (SubscriptionRules subscription : rules) {
            evaluate(subscription, assessment, history, now, origin).ifPresent(raised::add);
        }

        Instant keepSince = assessment.asOf().minus(Duration.ofDays(config.scoreHistoryDays()));
        scores.record(pair, assessment.version(), assessment.asOf(), assessment.score(), keepSince);
        saveState(state.orElse(null), assessment, now);
        if (!raised.isEmpty()) {
            processed.recordAlertCount(pair, assessment.version(), raised.size()); // the marker was written with 0
        }
        return raised;
    }

    private Optional<Alert> evaluate(SubscriptionRules subscription, PairAssessment assessment, PairHistory history,
                                     Instant now, EventOrigin origin) {
        if (!RuleEvaluator.matches(subscription, assessment)) {
            return Optional.empty();
        }
        Optional<Trigger> trigger = RuleEvaluator.firstTrigger(subscription, assessment, history,
                since -> scores.lowestSince(assessment.pair(), since, assessment.version()));
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        Instant last = cooldowns.lastAlertAt(subscription.id(), assessment.pair()).orElse(null);
        if (RuleEvaluator.inCooldown(last, assessment.asOf(), subscription.cooldownMinutes())) {
            Log.debugf("%s %s for subscription %s suppressed: cooldown since %s", assessment.pair(),
                    trigger.get().kind(), subscription.id(), last);
            return Optional.empty();
        }
        Alert alert = AlertFactory.create(trigger.get(), subscription.id(), assessment, history, now);
        String payload = outbox.add(alert, now, origin);
        if (payload == null) {
            return Optional.empty();
        }
        cooldowns.recordAlert(subscription.id(), assessment.pair(), assessment.asOf());
        if (subscription.webhookUrl() != null) {
            outbox.addDelivery(alert, payload, subscription, now);
        }
        return Optional.of(alert);
    }

    private PairHistory historyOf(PairStateEntity state) {
        try {
            return new PairHistory(Level.valueOf(state.level), json.readValue(state.categoryScoresJson, CATEGORY_SCORES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored category scores of " + state.pair + " are not valid JSON", e);
        }
    }

    private void saveState(PairStateEntity existing, PairAssessment assessment, Instant now) {
        PairStateEntity state = existing == null ? new PairStateEntity() : existing;
        state.pair = assessment.pair();
        state.level = assessment.level().name();
        state.version = assessment.version();
        state.asOf = assessment.asOf();
        try {
            Map<Category, Double> categories = new EnumMap<>(Category.class);
            if (assessment.categoryScores() != null) {
                categories.putAll(assessment.categoryScores());
            }
            state.categoryScoresJson = json.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write category scores", e);
        }
        state.updatedAt = now;
        if (existing == null) {
            state.persist();
        }
    }
}
