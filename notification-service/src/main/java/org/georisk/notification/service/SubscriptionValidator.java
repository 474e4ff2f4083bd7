package org.georisk.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.Category;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.PairKey;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.contracts.SubscriptionRequest.Rule;
import org.georisk.notification.config.NotificationConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Checks a SubscriptionRequest field by field and returns it normalised (pair keys sorted, actor upper case). */
@ApplicationScoped
public class SubscriptionValidator {

    static final int MAX_COOLDOWN_MINUTES = 525_600; // one year

    private final NotificationConfig config;
    private final WebhookUrlPolicy urlPolicy;

    public SubscriptionValidator(NotificationConfig config) {
        this.config = config;
        this.urlPolicy = new WebhookUrlPolicy(config.webhooks().allowLoopback());
    }

    public SubscriptionRequest validate(SubscriptionRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw ProblemException.invalid(List.of(new FieldError("body", "a subscription object is required")));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (r.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        List<String> pairs = new ArrayList<>(new LinkedHashSet<>(normalisePairs(r.pairs(), errors)));
        String actor = null;
        if (r.actor() != null) {
            actor = r.actor().strip().toUpperCase(Locale.ROOT);
            if (!ActorCodes.isKnown(actor)) {
                errors.add(new FieldError("actor", "is not a known country or bloc code"));
            }
        }
        List<Category> categories = r.categories() == null ? List.of() : r.categories();
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i) == null) {
                errors.add(new FieldError("categories[" + i + "]", "must be a category name"));
            }
        }
        if (r.rules() == null || r.rules().isEmpty()) {
            errors.add(new FieldError("rules", "at least one rule is required"));
        } else {
            for (int i = 0; i < r.rules().size(); i++) {
                checkRule(r.rules().get(i), "rules[" + i + "]", errors);
            }
        }
        if (r.cooldownMinutes() != null && (r.cooldownMinutes() < 0 || r.cooldownMinutes() > MAX_COOLDOWN_MINUTES)) {
            errors.add(new FieldError("cooldownMinutes", "must be between 0 and " + MAX_COOLDOWN_MINUTES));
        }
        checkWebhook(r.webhook(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SubscriptionRequest(r.name(), pairs, actor, List.copyOf(new LinkedHashSet<>(categories)),
                r.minLevel(), r.rules(), r.cooldownMinutes(), r.webhook());
    }

    private static List<String> normalisePairs(List<String> pairs, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (pairs == null) {
            return out;
        }
        for (int i = 0; i < pairs.size(); i++) {
            String key = PairKey.normalise(pairs.get(i));
            if (key == null) {
                errors.add(new FieldError("pairs[" + i + "]", "is not a pair key of two known actor codes, e.g. AZE-RUS"));
            } else {
                out.add(key);
            }
        }
        return out;
    }

    private void checkRule(Rule rule, String field, List<FieldError> errors) {
        if (rule == null || rule.kind() == null) {
            errors.add(new FieldError(field + ".kind", "is required"));
            return;
        }
        switch (rule.kind()) {
            case SCORE_JUMP -> {
                if (rule.points() == null || !(rule.points() > 0 && rule.points() <= 100)) {
                    errors.add(new FieldError(field + ".points", "is required for SCORE_JUMP and must be in (0, 100]"));
                }
                int maxDays = config.scoreHistoryDays();
                if (rule.days() == null || rule.days() < 1 || rule.days() > maxDays) {
                    errors.add(new FieldError(field + ".days", "is required for SCORE_JUMP and must be 1.." + maxDays));
                }
            }
            case CATEGORY_THRESHOLD -> {
                if (rule.category() == null) {
                    errors.add(new FieldError(field + ".category", "is required for CATEGORY_THRESHOLD"));
                }
                if (rule.threshold() == null || !(rule.threshold() > 0 && rule.threshold() <= 100)) {
                    errors.add(new FieldError(field + ".threshold",
                            "is required for CATEGORY_THRESHOLD and must be in (0, 100]"));
                }
            }
            default -> {
                if (rule.points() != null || rule.days() != null || rule.category() != null || rule.threshold() != null) {
                    errors.add(new FieldError(field, rule.kind() + " takes no parameters"));
                }
            }
        }
    }

    private void checkWebhook(SubscriptionRequest.Webhook webhook, List<FieldError> errors) {
        if (webhook == null) {
            return;
        }
        if (webhook.url() == null || webhook.url().isBlank()) {
            errors.add(new FieldError("webhook.url", "is required"));
        } else if (webhook.url().length() > 2048) {
            errors.add(new FieldError("webhook.url", "must be at most 2048 characters"));
        } else {
            urlPolicy.refusal(webhook.url()).ifPresent(reason -> errors.add(new FieldError("webhook.url", reason)));
        }
        if (webhook.secret() == null || webhook.secret().length() < 16 || webhook.secret().length() > 512) {
            errors.add(new FieldError("webhook.secret", "is required, 16 to 512 characters"));
        }
    }
}
