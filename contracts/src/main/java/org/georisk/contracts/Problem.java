package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Every error body of every service: RFC 9457 problem details with the failing fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://georisk.org/problems/invalid-request", "Invalid request", 400, detail, null, errors);
    }
}
