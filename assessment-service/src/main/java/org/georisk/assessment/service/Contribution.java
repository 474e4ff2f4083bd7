package org.georisk.assessment.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.georisk.contracts.Category;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One event's share of a pair's sums: its fixed-point term against {@link DecayMath#REFERENCE} (signed: positive is
 * tension, negative cooperation). Headline only kept for drivers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contribution(UUID eventId, Instant occurredAt, Category category, BigInteger term, String headline) {

    /** Drivers: largest |term| first (the same order as |contribution| at any instant), then eventId. */
    public static final Comparator<Contribution> BY_STRENGTH = Comparator
            .comparing((Contribution c) -> c.term().abs(), Comparator.reverseOrder())
            .thenComparing(c -> c.eventId().toString());

    /** The recent-event window: by event time, then eventId, so the stored list has one order whatever arrived first. */
    public static final Comparator<Contribution> BY_TIME = Comparator
            .comparing(Contribution::occurredAt)
            .thenComparing(c -> c.eventId().toString());

    public boolean isTension() {
        return term.signum() > 0;
    }
}
