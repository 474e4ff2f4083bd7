package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * One story that explains an assessment, shown by its lead event; contribution is its evidence × |Goldstein|/10 decayed
 * to asOf on the acute half-life (positive = hostile, negative = cooperative).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Driver(UUID eventId, String headline, Instant occurredAt, double contribution) {
}
