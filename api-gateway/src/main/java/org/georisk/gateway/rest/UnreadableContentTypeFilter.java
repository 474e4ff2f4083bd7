package org.georisk.gateway.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A Content-Type the framework cannot parse ({@code application/json, application/x-ndjson}, an empty one, a bare
 * {@code json}) makes request matching fail with a 500 before any resource or mapper sees the request; a wildcard
 * ({@code *}{@code /*}) matches every method's @Consumes, so a body would be read as whatever the first method takes.
 * Both are refused here, before matching, with 415 problem+json naming the header: a body says what it is.
 */
public class UnreadableContentTypeFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnreadable(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HttpHeaders.CONTENT_TYPE);
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (String value : values) {
            if (!readable(value)) {
                return Response.status(415).type(Problem.MEDIA_TYPE)
                        .entity(new Problem("https://georisk.org/problems/unsupported-media-type",
                                "Unsupported Media Type", 415, "the Content-Type header cannot be read", null,
                                List.of(new FieldError("Content-Type",
                                        "is not one media type (type/subtype, no wildcard, e.g. application/json)"))))
                        .build();
            }
        }
        return null;
    }

    private static boolean readable(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(value);
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty() && !type.isWildcardType()
                    && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
