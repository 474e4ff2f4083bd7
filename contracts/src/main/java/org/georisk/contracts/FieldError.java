package org.georisk.contracts;

/** One failing field of a refused request: which field (JSON path or line) and why. */
public record FieldError(String field, String reason) {
}
