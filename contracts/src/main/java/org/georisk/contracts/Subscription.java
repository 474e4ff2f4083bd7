package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored subscription as the API returns it; the webhook secret is never returned. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(UUID id, String owner, String name, List<String> pairs, String actor,
                           List<Category> categories, Level minLevel, List<SubscriptionRequest.Rule> rules,
                           int cooldownMinutes, String webhookUrl, Instant createdAt) {
}
