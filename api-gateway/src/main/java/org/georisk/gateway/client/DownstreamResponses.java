package org.georisk.gateway.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;


/**
 * Hands a service's answer to the caller unchanged: status, body (problem+json included), content type and
 * Retry-After. A Location is rewritten from the service's own address to the public /api/v1 one.
 */
public final class DownstreamResponses {

    private static final String PUBLIC_PREFIX = "/api/v1";

    private DownstreamResponses() {
    }

    public static Response of(Response downstream) {
        return of(downstream, "", PUBLIC_PREFIX);
    }

    /** As {@link #of(Response)}, a Location under {@code serviceRoot} moved to {@code publicRoot}. */
    public static Response of(Response downstream, String serviceRoot, String publicRoot) {
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
            if (location != null && location.getRawPath() != null) {
                String path = location.getRawPath();
                String rest = path.startsWith(serviceRoot) ? path.substring(serviceRoot.length()) : path;
                out.header(HttpHeaders.LOCATION, publicRoot + rest);
            }
            return out.build();
        }
    }
}
