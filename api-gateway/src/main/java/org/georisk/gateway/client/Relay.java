package org.georisk.gateway.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Hands a service's answer to the caller unchanged: status, body (problem+json included), content type and
 * Retry-After. A Location is rewritten from the service's own address to the public /api/v1 one.
 */
public final class Relay {

    private static final String PUBLIC_PREFIX = "/api/v1";

    private Relay() {
    }

    public static Response of(Response downstream) {
        try (downstream) {
            Response.ResponseBuilder out = Response.status(downstream.getStatus());
            if (downstream.hasEntity()) {
                out.entity(downstream.readEntity(byte[].class));
            }
            if (downstream.getMediaType() != null) {
                out.type(downstream.getMediaType());
            }
            String retryAfter = downstream.getHeaderString(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
                out.header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            URI location = downstream.getLocation();
            if (location != null) {
                out.location(URI.create(PUBLIC_PREFIX + location.getRawPath()));
            }
            return out.build();
        }
    }
}
