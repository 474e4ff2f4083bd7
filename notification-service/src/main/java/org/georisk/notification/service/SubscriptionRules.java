package org.georisk.notification.service;

import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.SubscriptionRequest.Rule;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription as the evaluator sees it.
 *
 * @param pairs      normalised pair keys; empty means every pair
 * @param actor      only pairs involving this actor; null means any
 * @param categories only assessments whose leading category is one of these; empty means any
 * @param minLevel   only assessments at least this level; null means any
 * @param rules      in the subscriber's order: the first that fires names the alert
 */
public record SubscriptionRules(UUID id, Set<String> pairs, String actor, Set<Category> categories, Level minLevel,
                                List<Rule> rules, int cooldownMinutes, String webhookUrl, String webhookSecret) {
}
