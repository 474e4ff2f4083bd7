package org.georisk.contracts.events;

import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;

import java.util.List;

/** Outcome of validating one event: the normalised event, or every failing field. */
public record ValidationResult(GeoEvent event, List<FieldError> errors) {

    public static ValidationResult valid(GeoEvent event) {
        return new ValidationResult(event, List.of());
    }

    public static ValidationResult invalid(List<FieldError> errors) {
        return new ValidationResult(null, List.copyOf(errors));
    }

    public boolean ok() {
        return event != null;
    }
}
