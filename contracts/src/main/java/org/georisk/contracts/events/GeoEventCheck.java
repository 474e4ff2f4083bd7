package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a valid {@link GeoEvent} is: the one definition every party applies. {@link EventValidator} checks each event
 * it builds from a posted body against {@link #violations}; every reader of {@code georisk.events} (the assessment
 * stream, the ingest archive) reads a record with {@link #read}, so a record one of them refuses the other refuses
 * too, for the same reason.
 *
 * <p>Field lengths are not part of it: they are ingest's configurable input limits ({@code georisk.ingest.limits.*}),
 * and a reader must still accept what was published under a raised limit.
 */
public final class GeoEventCheck {

    /** Event time may run ahead of the time ingest received it by at most this (feeds in other time zones, skew). */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** Sanity floor for event time: nothing a feed posts is older, and far-off years break storage. */
    public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /** Ceiling for an event without receivedAt: the last instant every store (PostgreSQL, ISO-8601 text) can hold. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    public static final double GOLDSTEIN_MIN = -10.0;
    public static final double GOLDSTEIN_MAX = 10.0;

    /** A record read as an event (normalised, as the score reads it) or the reason it is refused. */
    public record Outcome(GeoEvent event, String reason, Exception error) {
        public boolean ok() {
            return event != null;
        }
    }

    private final ObjectMapper mapper;

    /** @param mapper reads the JSON; it must know java.time (the application's mapper does) */
    public GeoEventCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One record of georisk.events: a JSON GeoEvent that keeps every invariant, published under its pair key. */
    public Outcome read(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return refused("empty value", null);
        }
        GeoEvent event;
        try {
            event = mapper.readValue(value, GeoEvent.class);
        } catch (Exception e) {
            return refused("not a GeoEvent JSON document: " + firstLine(e.getMessage()), e);
        }
        if (event == null) {
            return refused("value is JSON null", null);
        }
        List<FieldError> violations = violations(event);
        if (!violations.isEmpty()) {
            return refused(violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")),
                    null);
        }
        if (!event.pairKey().equals(key)) {
            return refused("record key " + key + " is not the event's pair " + event.pairKey(), null);
        }
        return new Outcome(event.normalised(), null, null);
    }

    public Outcome read(byte[] key, byte[] value) {
        return read(key == null ? null : new String(key, StandardCharsets.UTF_8), value);
    }

    public Outcome read(String key, String value) {
        return read(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every invariant the event breaks, as field and reason; empty for a valid event. */
    public static List<FieldError> violations(GeoEvent e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.eventId() == null) {
            errors.add(new FieldError("eventId", "is missing"));
        }
        requiredText("source", e.source(), errors);
        requiredText("externalId", e.externalId(), errors);
        occurredAt(e, errors);
        if (e.actor1() == null || !ActorCodes.isKnown(e.actor1())) {
            errors.add(new FieldError("actor1", "is not a known actor code: " + e.actor1()));
        }
        if (e.actor2() != null && !ActorCodes.isKnown(e.actor2())) {
            errors.add(new FieldError("actor2", "is not a known actor code: " + e.actor2()));
        }
        if (e.cameoCode() == null) {
            // a story of its own (docs/scoring.md); ingest always sets one, other producers may leave it out
            if (e.category() == null) {
                errors.add(new FieldError("cameoCode", "is missing, and no category is given to score by"));
            }
        } else if (!CameoCodes.isKnown(e.cameoCode())) {
            errors.add(new FieldError("cameoCode", "is not a known CAMEO event code: " + e.cameoCode()));
        }
        if (e.quadClass() != null && (e.quadClass() < 1 || e.quadClass() > 4)) {
            errors.add(new FieldError("quadClass", "must be from 1 to 4"));
        }
        if (e.goldstein() == null || !goldsteinInRange(e.goldstein())) {
            errors.add(new FieldError("goldstein", "must be from -10 to 10: " + e.goldstein()));
        }
        if (e.mentions() != null && e.mentions() < 1) {
            errors.add(new FieldError("mentions", "must be at least 1"));
        }
        optionalText("headline", e.headline(), errors);
        optionalText("url", e.url(), errors);
        return errors;
    }

    /**
     * Why a text cannot be stored or shown as it is (control characters, broken UTF-16), or null when it can:
     * PostgreSQL refuses NUL in text, and a lone surrogate has no UTF-8 form.
     */
    public static String textProblem(String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    /** Why an event time is out of range, or null: at most {@link #MAX_FUTURE} after receipt, not before 1800. */
    public static String occurredAtProblem(Instant occurredAt, Instant receivedAt) {
        Instant latest = receivedAt == null ? LATEST : receivedAt.plus(MAX_FUTURE);
        if (occurredAt.isAfter(latest)) {
            return "must not be more than 1 day in the future";
        }
        return occurredAt.isBefore(EARLIEST) ? "must not be before " + EARLIEST : null;
    }

    public static boolean goldsteinInRange(double value) {
        return value >= GOLDSTEIN_MIN && value <= GOLDSTEIN_MAX;
    }

    private static void occurredAt(GeoEvent e, List<FieldError> errors) {
        String problem = e.occurredAt() == null ? "is missing" : occurredAtProblem(e.occurredAt(), e.receivedAt());
        if (problem != null) {
            errors.add(new FieldError("occurredAt", problem));
        }
    }

    private static void requiredText(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is missing"));
        } else {
            optionalText(field, text, errors);
        }
    }

    private static void optionalText(String field, String text, List<FieldError> errors) {
        String problem = text == null ? null : textProblem(text);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    private static Outcome refused(String reason, Exception error) {
        return new Outcome(null, reason, error);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
