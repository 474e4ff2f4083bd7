package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.Categories;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The GeoEvent rules of docs/contracts.md, applied to a parsed JSON object. Works on a JsonNode rather than a bound record so
 * that a wrong type is reported against its field (with every other failing field) instead of failing the whole
 * body, and unknown fields are simply never read. Plain class: no CDI, no clock of its own.
 *
 * <p>It is the one definition of how a posted event becomes a {@link GeoEvent}: ingest-service validates every feed
 * with it, and the backtest turns files into the events ingest would have published with it.
 */
public final class EventValidator {

    /** Field lengths ingest-service accepts by default (its {@code georisk.ingest.limits.*}): the backtest uses them. */
    public static final int DEFAULT_MAX_SOURCE = 100;
    public static final int DEFAULT_MAX_EXTERNAL_ID = 200;
    public static final int DEFAULT_MAX_HEADLINE = 500;
    public static final int DEFAULT_MAX_URL = 2048;

    private static final java.util.regex.Pattern CAMEO_FORMAT = java.util.regex.Pattern.compile("\\d{2,4}");

    private final Clock clock;
    private final int maxSource;
    private final int maxExternalId;
    private final int maxHeadline;
    private final int maxUrl;

    /**
     * @param clock the present: events more than {@link GeoEventCheck#MAX_FUTURE} after it are refused; it is also
     *              the events'
     *              receivedAt
     */
    public EventValidator(Clock clock, int maxSource, int maxExternalId, int maxHeadline, int maxUrl) {
        this.clock = clock;
        this.maxSource = maxSource;
        this.maxExternalId = maxExternalId;
        this.maxHeadline = maxHeadline;
        this.maxUrl = maxUrl;
    }

    /** A validator with ingest-service's default field lengths. */
    public static EventValidator withDefaultLimits(Clock clock) {
        return new EventValidator(clock, DEFAULT_MAX_SOURCE, DEFAULT_MAX_EXTERNAL_ID, DEFAULT_MAX_HEADLINE, DEFAULT_MAX_URL);
    }

    /**
     * @param body      the posted JSON value
     * @param principal the posting feed from the gateway, or null for a direct internal call (then the body names it)
     */
    public ValidationResult validate(JsonNode body, String principal) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
            return ValidationResult.invalid(errors);
        }
        Instant receivedAt = clock.instant();
        String source = source(body.get("source"), principal, errors);
        String externalId = externalId(body.get("externalId"), errors);
        Instant occurredAt = occurredAt(body.get("occurredAt"), receivedAt, errors);
        String actor1 = actor("actor1", body.get("actor1"), true, errors);
        String actor2 = actor("actor2", body.get("actor2"), false, errors);
        CameoCodes.CameoCode cameo = cameo(body.get("cameoCode"), errors);
        Double goldstein = goldstein(body.get("goldstein"), errors);
        Integer mentions = mentions(body.get("mentions"), errors);
        Category category = category(body.get("category"), errors);
        String headline = text("headline", body.get("headline"), maxHeadline, errors);
        String url = url(body.get("url"), errors);
        if (!errors.isEmpty()) {
            return ValidationResult.invalid(errors);
        }
        if (category == null) {
            category = Categories.defaultFor(cameo.code(), actor1, actor2);
        }
        GeoEvent event = new GeoEvent(
                EventIds.eventId(source, externalId), source, externalId, occurredAt, actor1, actor2,
                cameo.code(), cameo.quadClass(), goldstein != null ? goldstein : cameo.goldstein(),
                mentions != null ? mentions : 1, category, headline, url, receivedAt);
        // the readers of georisk.events refuse what breaks these, so nothing that breaks them is published
        List<FieldError> violations = GeoEventCheck.violations(event);
        return violations.isEmpty() ? ValidationResult.valid(event) : ValidationResult.invalid(violations);
    }

    private String source(JsonNode node, String principal, List<FieldError> errors) {
        if (principal != null) {
            if (isAbsent(node)) {
                return principal;
            }
            if (!node.isTextual() || !node.asText().equals(principal)) {
                errors.add(new FieldError("source", "must be the posting feed '" + principal + "' or absent"));
            }
            return principal;
        }
        return requiredText("source", node, maxSource, errors);
    }

    private String externalId(JsonNode node, List<FieldError> errors) {
        if (node != null && node.isIntegralNumber()) {
            // GDELT-style numeric ids are common: their digits are the id, held to the same bound as a string id
            // (the archive stores what passes here, so no type may slip past a length check)
            return checked("externalId", node.asText(), maxExternalId, errors);
        }
        return requiredText("externalId", node, maxExternalId, errors);
    }

    private Instant occurredAt(JsonNode node, Instant receivedAt, List<FieldError> errors) {
        String text = requiredText("occurredAt", node, 64, errors);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "must be an ISO-8601 instant with offset, e.g. 2025-04-07T10:00:00Z"));
            return null;
        }
        String problem = GeoEventCheck.occurredAtProblem(instant, receivedAt);
        if (problem != null) {
            errors.add(new FieldError("occurredAt", problem));
        }
        return instant;
    }

    private String actor(String field, JsonNode node, boolean required, List<FieldError> errors) {
        if (!required && isAbsent(node)) {
            return null;
        }
        String text = requiredText(field, node, 16, errors);
        if (text == null) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (!ActorCodes.isKnown(code)) {
            errors.add(new FieldError(field, "unknown actor code '" + clip(text) + "': an ISO 3166-1 alpha-3 country code "
                    + "or a bloc code (" + String.join(", ", new java.util.TreeSet<>(ActorCodes.BLOCS.keySet())) + ")"));
            return null;
        }
        return code;
    }

    private CameoCodes.CameoCode cameo(JsonNode node, List<FieldError> errors) {
        if (node != null && node.isNumber()) {
            errors.add(new FieldError("cameoCode", "must be a string of 2-4 digits (a number loses the leading zero)"));
            return null;
        }
        String text = requiredText("cameoCode", node, 16, errors);
        if (text == null) {
            return null;
        }
        if (!CAMEO_FORMAT.matcher(text).matches()) {
            errors.add(new FieldError("cameoCode", "must be 2-4 digits"));
            return null;
        }
        return CameoCodes.find(text).orElseGet(() -> {
            errors.add(new FieldError("cameoCode", "unknown CAMEO event code '" + text + "'"));
            return null;
        });
    }

    private Double goldstein(JsonNode node, List<FieldError> errors) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            errors.add(new FieldError("goldstein", "must be a number from -10 to 10"));
            return null;
        }
        double value = node.asDouble();
        if (!GeoEventCheck.goldsteinInRange(value)) {
            errors.add(new FieldError("goldstein", "must be from -10 to 10"));
            return null;
        }
        return value;
    }

    private Integer mentions(JsonNode node, List<FieldError> errors) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError("mentions", "must be a whole number of at least 1"));
            return null;
        }
        if (node.intValue() < 1) {
            errors.add(new FieldError("mentions", "must be at least 1"));
            return null;
        }
        return node.intValue();
    }

    private Category category(JsonNode node, List<FieldError> errors) {
        if (isAbsent(node)) {
            return null;
        }
        String text = node.isTextual() ? node.asText().trim().toUpperCase(Locale.ROOT) : null;
        for (Category category : Category.values()) {
            if (category.name().equals(text)) {
                return category;
            }
        }
        errors.add(new FieldError("category", "must be one of " + Arrays.stream(Category.values())
                .map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    private String url(JsonNode node, List<FieldError> errors) {
        String url = text("url", node, maxUrl, errors);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
                return null;
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
            return null;
        }
        return url;
    }

    /** An optional bounded text field. */
    private String text(String field, JsonNode node, int max, List<FieldError> errors) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return checked(field, node.asText(), max, errors);
    }

    private String requiredText(String field, JsonNode node, int max, List<FieldError> errors) {
        if (isAbsent(node)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        if (node.asText().isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        return checked(field, node.asText(), max, errors);
    }

    private static String checked(String field, String text, int max, List<FieldError> errors) {
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (was " + text.length() + ")"));
            return null;
        }
        String problem = GeoEventCheck.textProblem(text);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        return text;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String clip(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }
}
