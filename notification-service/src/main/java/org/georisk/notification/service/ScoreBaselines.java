package org.georisk.notification.service;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.SubscriptionRequest.Rule;
import org.georisk.notification.repository.ScoreHistoryRepository;
import org.georisk.notification.repository.ScoreHistoryRepository.Lookup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The SCORE_JUMP baselines of one batch, looked up in one statement before the rules run rather than one query per
 * assessment and subscription: for each accepted assessment, the lowest earlier score of its pair within each window
 * a matching subscription asks for. The batch's score points are stored first, so each lookup (versions below the
 * assessment's own) sees what it would have seen one by one; and a window never reaches behind the retention bound
 * an earlier assessment of the batch set, since one by one those points would already have been pruned.
 */
final class ScoreBaselines {

    private final ScoreHistoryRepository scores;
    private final List<PairAssessment> accepted;
    private final List<Instant> retainedSince = new ArrayList<>();
    private final List<Map<Instant, Integer>> lookupIndex = new ArrayList<>();
    private final Map<String, Instant> retentionBounds = new HashMap<>();
    private final OptionalDouble[] lowest;

    ScoreBaselines(ScoreHistoryRepository scores, List<PairAssessment> accepted, List<SubscriptionRules> rules,
                   int historyDays) {
        this.scores = scores;
        this.accepted = accepted;
        Duration history = Duration.ofDays(historyDays);
        List<Lookup> lookups = new ArrayList<>();
        for (PairAssessment a : accepted) {
            Instant bound = retentionBounds.get(a.pair());
            retainedSince.add(bound);
            Map<Instant, Integer> index = new HashMap<>();
            for (int days : windows(a, rules)) {
                Instant since = a.asOf().minus(Duration.ofDays(days));
                index.put(since, lookups.size());
                lookups.add(new Lookup(a.pair(), later(since, bound), a.version()));
            }
            lookupIndex.add(index);
            retentionBounds.put(a.pair(), later(a.asOf().minus(history), bound));
        }
        lowest = scores.lowestSince(lookups);
    }

    /** The baseline of the k-th accepted assessment. */
    RuleEvaluator.ScoreBaseline of(int k) {
        PairAssessment a = accepted.get(k);
        return since -> {
            Integer i = lookupIndex.get(k).get(since);
            // looked up beforehand for every window a matching subscription has; asked directly otherwise
            return i != null ? lowest[i] : scores.lowestSince(a.pair(), later(since, retainedSince.get(k)), a.version());
        };
    }

    /** Per pair, the event time before which its points are forgotten once the batch is done. */
    Map<String, Instant> retentionBounds() {
        return retentionBounds;
    }

    private static TreeSet<Integer> windows(PairAssessment a, List<SubscriptionRules> rules) {
        TreeSet<Integer> days = new TreeSet<>();
        for (SubscriptionRules subscription : rules) {
            if (RuleEvaluator.matches(subscription, a)) {
                for (Rule rule : subscription.rules()) {
                    if (rule.kind() == AlertKind.SCORE_JUMP && rule.days() != null) {
                        days.add(rule.days());
                    }
                }
            }
        }
        return days;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
