package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** One event that explains an assessment; contribution is its decayed weight at asOf (positive = tension). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Driver(UUID eventId, String headline, Instant occurredAt, double contribution) {
}
