package org.georisk.notification.service;

import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Driver;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns a fired rule into an Alert: deterministic id, one-sentence message, the assessment attached. */
public final class AlertFactory {

    private AlertFactory() {
    }

    /**
     * The alert id is a function of (built-in rule or subscription, pair, assessment version, kind) only, so
     * evaluating the same assessment again, on any instance, gives the same id and consumers can drop the repeat.
     */
    public static UUID alertId(UUID subscriptionId, String pair, long version, AlertKind kind) {
        String rule = subscriptionId == null ? "builtin" : subscriptionId.toString();
        return EventIds.nameBased(rule + "|" + pair + "|" + version + "|" + kind);
    }

    public static Alert create(Trigger trigger, UUID subscriptionId, PairAssessment assessment, PairHistory history,
                               Instant raisedAt) {
        return new Alert(
                alertId(subscriptionId, assessment.pair(), assessment.version(), trigger.kind()),
                assessment.pair(),
                trigger.kind(),
                sentence(assessment, trigger),
                assessment.level(),
                trigger.kind() == AlertKind.NEW_PAIR ? null : history.levelBefore(),
                assessment.score(),
                assessment.version(),
                subscriptionId,
                raisedAt,
                assessment);
    }

    /** "AZE-RUS rose from GUARDED to ELEVATED (score 57.31): driven by "…" (2025-03-14)." */
    static String sentence(PairAssessment assessment, Trigger trigger) {
        StringBuilder s = new StringBuilder()
                .append(assessment.pair()).append(' ').append(trigger.change())
                .append(String.format(Locale.ROOT, " (score %.2f)", assessment.score()));
        mainDriver(assessment.drivers()).ifPresent(d -> s.append(": driven by ").append(describe(d)));
        return s.append('.').toString();
    }

    private static java.util.Optional<Driver> mainDriver(List<Driver> drivers) {
        if (drivers == null) {
            return java.util.Optional.empty();
        }
        return drivers.stream().max(Comparator.comparingDouble(d -> Math.abs(d.contribution())));
    }

    private static String describe(Driver driver) {
        String what = driver.headline() == null || driver.headline().isBlank()
                ? "event " + driver.eventId()
                : "\"" + stripFinalStop(driver.headline().strip()) + "\"";
        return driver.occurredAt() == null ? what
                : what + " (" + driver.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate() + ")";
    }

    private static String stripFinalStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
