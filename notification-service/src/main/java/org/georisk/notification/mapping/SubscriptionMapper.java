package org.georisk.notification.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.Subscription;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.contracts.SubscriptionRequest.Rule;
import org.georisk.notification.repository.SubscriptionEntity;
import org.georisk.notification.service.SubscriptionRules;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Subscription entity ↔ contract records and the evaluator's view. Lists are stored as JSON text. */
@ApplicationScoped
public class SubscriptionMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Category>> CATEGORIES = new TypeReference<>() { };
    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() { };

    private final ObjectMapper json;

    public SubscriptionMapper(ObjectMapper json) {
        this.json = json;
    }

    /** A new entity from a request that has already been validated and normalised. */
    public SubscriptionEntity toEntity(SubscriptionRequest request, String owner, Instant now) {
        SubscriptionEntity e = new SubscriptionEntity();
        e.id = UUID.randomUUID();
        e.owner = owner;
        e.name = request.name().strip();
        e.pairsJson = write(request.pairs() == null ? List.of() : request.pairs());
        e.actor = request.actor();
        e.categoriesJson = write(request.categories() == null ? List.of() : request.categories());
        e.minLevel = request.minLevel() == null ? null : request.minLevel().name();
        e.rulesJson = write(request.rules());
        e.cooldownMinutes = request.cooldownMinutes() == null ? 0 : request.cooldownMinutes();
        if (request.webhook() != null) {
            e.webhookUrl = request.webhook().url().strip();
            e.webhookSecret = request.webhook().secret();
        }
        e.createdAt = now;
        return e;
    }

    /** What the API returns: everything but the secret. */
    public Subscription toContract(SubscriptionEntity e) {
        return new Subscription(e.id, e.owner, e.name, read(e.pairsJson, STRINGS), e.actor,
                read(e.categoriesJson, CATEGORIES), level(e.minLevel), read(e.rulesJson, RULES),
                e.cooldownMinutes, e.webhookUrl, e.createdAt);
    }

    public SubscriptionRules toRules(SubscriptionEntity e) {
        return new SubscriptionRules(e.id, new LinkedHashSet<>(read(e.pairsJson, STRINGS)), e.actor,
                new LinkedHashSet<>(read(e.categoriesJson, CATEGORIES)), level(e.minLevel), read(e.rulesJson, RULES),
                e.cooldownMinutes, e.webhookUrl, e.webhookSecret);
    }

    private static Level level(String name) {
        return name == null ? null : Level.valueOf(name);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write subscription field", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subscription field is not valid JSON", e);
        }
    }
}
