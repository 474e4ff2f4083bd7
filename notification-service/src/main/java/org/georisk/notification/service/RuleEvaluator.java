package org.georisk.notification.service;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.BuiltInAlert;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;
import org.georisk.contracts.SubscriptionRequest.Rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Pure rule logic: which alert, if any, an assessment raises for the built-in rule and for a subscription. */
public final class RuleEvaluator {

    /** The lowest score of the pair at or after an event time, before the assessment at hand; empty if none. */
    @FunctionalInterface
    public interface ScoreBaseline {
        OptionalDouble lowestSince(Instant since);
    }

    private RuleEvaluator() {
    }

    /** The built-in rule ({@link BuiltInAlert}): any level change, a pair's first assessment counting as coming from LOW. */
    public static Optional<Trigger> builtIn(PairAssessment assessment, PairHistory history) {
        return levelChange(history.levelBefore(), assessment.level());
    }

    /** Does the subscription's filter let this assessment through? */
    public static boolean matches(SubscriptionRules subscription, PairAssessment assessment) {
        if (!subscription.pairs().isEmpty() && !subscription.pairs().contains(assessment.pair())) {
            return false;
        }
        if (subscription.actor() != null && !PairKey.involves(assessment.pair(), subscription.actor())) {
            return false;
        }
        if (subscription.minLevel() != null && !assessment.level().atLeast(subscription.minLevel())) {
            return false;
        }
        return subscription.categories().isEmpty()
                || leadingCategory(assessment.categoryScores()).map(subscription.categories()::contains).orElse(false);
    }

    /** The first of the subscription's rules (in its order) that fires, if any: one alert per assessment at most. */
    public static Optional<Trigger> firstTrigger(SubscriptionRules subscription, PairAssessment assessment,
                                                 PairHistory history, ScoreBaseline baseline) {
        for (Rule rule : subscription.rules()) {
            Optional<Trigger> fired = evaluate(rule, assessment, history, baseline);
            if (fired.isPresent()) {
                return fired;
            }
        }
        return Optional.empty();
    }

    static Optional<Trigger> evaluate(Rule rule, PairAssessment assessment, PairHistory history, ScoreBaseline baseline) {
        Level now = assessment.level();
        return switch (rule.kind()) {
            case LEVEL_UP -> levelChange(history.levelBefore(), now).filter(t -> t.kind() == AlertKind.LEVEL_UP);
            case LEVEL_DOWN -> levelChange(history.levelBefore(), now).filter(t -> t.kind() == AlertKind.LEVEL_DOWN);
            case NEW_PAIR -> history.isFirst()
                    ? Optional.of(new Trigger(AlertKind.NEW_PAIR, "was assessed for the first time, at " + now))
                    : Optional.empty();
            case SCORE_JUMP -> scoreJump(rule, assessment, baseline);
            case CATEGORY_THRESHOLD -> categoryThreshold(rule, assessment, history);
        };
    }

    /** Cooldown in assessment event time, so a replay suppresses exactly what the live run suppressed. */
    public static boolean inCooldown(Instant lastAlertAt, Instant asOf, int cooldownMinutes) {
        return lastAlertAt != null && cooldownMinutes > 0
                && asOf.isBefore(lastAlertAt.plus(Duration.ofMinutes(cooldownMinutes)));
    }

    /** The category with the highest score; empty when no category scores above zero. */
    public static Optional<Category> leadingCategory(Map<Category, Double> scores) {
        if (scores == null) {
            return Optional.empty();
        }
        return scores.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .max(Map.Entry.<Category, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** LEVEL_UP or LEVEL_DOWN by {@link BuiltInAlert} (the backtest counts alerts with it too), with its sentence. */
    private static Optional<Trigger> levelChange(Level before, Level now) {
        return BuiltInAlert.of(before, now).map(kind -> new Trigger(kind,
                (kind == AlertKind.LEVEL_UP ? "rose from " : "fell from ") + before + " to " + now));
    }

    /** Rose by at least {@code points} against the lowest score within the last {@code days} (event time). */
    private static Optional<Trigger> scoreJump(Rule rule, PairAssessment assessment, ScoreBaseline baseline) {
        Instant since = assessment.asOf().minus(Duration.ofDays(rule.days()));
        OptionalDouble lowest = baseline.lowestSince(since);
        if (lowest.isEmpty()) {
            return Optional.empty();
        }
        double rise = assessment.score() - lowest.getAsDouble();
        if (rise < rule.points()) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(AlertKind.SCORE_JUMP, String.format(Locale.ROOT,
                "rose %.2f points within %d days, to %s", rise, rule.days(), assessment.level())));
    }

    /** The category's score passes the threshold upward: below it before, at or above it now. */
    private static Optional<Trigger> categoryThreshold(Rule rule, PairAssessment assessment, PairHistory history) {
        Double now = assessment.categoryScores() == null ? null : assessment.categoryScores().get(rule.category());
        if (now == null || now < rule.threshold() || history.categoryBefore(rule.category()) >= rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(AlertKind.CATEGORY_THRESHOLD, String.format(Locale.ROOT,
                "passed %.2f in %s (now %.2f), at %s", rule.threshold(), rule.category(), now, assessment.level())));
    }
}
