package org.georisk.ingest.service;

import org.georisk.contracts.FieldError;

import java.util.List;

/** A request refused for its content (400), with every failing field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
