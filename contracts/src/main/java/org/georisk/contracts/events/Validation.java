package org.georisk.contracts.events;

import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;

import java.util.List;

/** Outcome of validating one event: the normalised event, or every failing field. */
public record Validation(GeoEvent event, List<FieldError> errors) {

    public static Validation valid(GeoEvent event) {
        return new Validation(event, List.of());
    }

    public static Validation invalid(List<FieldError> errors) {
        return new Validation(null, List.copyOf(errors));
    }

    public boolean ok() {
        return event != null;
    }
}
