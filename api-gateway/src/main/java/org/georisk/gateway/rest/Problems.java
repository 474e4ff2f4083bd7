package org.georisk.gateway.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;

import java.util.List;

/** problem+json answers the gateway gives itself (a service's own problems are relayed untouched). */
public final class Problems {

    private static final String TYPE_BASE = "https://georisk.org/problems/";

    private Problems() {
    }

    public static Response of(int status, String slug, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, null, List.of()))
                .build();
    }

    /** A refusal that names the failing fields, e.g. a 409 for a name that is taken. */
    public static Response of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, null, errors))
                .build();
    }

    public static Response invalid(String detail, List<FieldError> errors) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(detail, errors)).build();
    }

    public static Response retryAfter(int status, String slug, String title, String detail, long seconds) {
        return Response.fromResponse(of(status, slug, title, detail))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }
}
