package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What {@code POST /subscriptions} takes (docs/contracts.md).
 *
 * @param pairs      only these pair keys (empty: all)
 * @param actor      only pairs that involve this actor
 * @param categories only alerts about these categories (empty: all)
 * @param minLevel   only when the pair is at least this level
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionRequest(String name, List<String> pairs, String actor, List<Category> categories,
                                  Level minLevel, List<Rule> rules, Integer cooldownMinutes, Webhook webhook) {

    /** One rule: {@code points} and {@code days} for SCORE_JUMP, {@code category} and {@code threshold} for CATEGORY_THRESHOLD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(AlertKind kind, Double points, Integer days, Category category, Double threshold) {
    }

    /** Where alerts are POSTed, signed with the secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(String url, String secret) {
    }
}
