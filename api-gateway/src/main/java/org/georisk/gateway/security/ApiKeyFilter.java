package org.georisk.gateway.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.Headers;
import org.georisk.gateway.rest.Problems;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.DownstreamUnavailableException;
import org.georisk.gateway.service.FailedAuthThrottle;
import io.vertx.core.http.HttpServerRequest;
import org.georisk.gateway.service.RateLimiter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * The one gate of /api/v1: an address with too many failed authentications is refused first (429 with Retry-After,
 * {@link FailedAuthThrottle}), then key → caller (401 when missing or unknown), per-key rate limit (429 with Retry-After),
 * role required by the resource's {@link Access} (403). Runs after matching, on the endpoint's worker thread, so the
 * key lookup may block. A resource under /api/v1 without {@link Access} is refused rather than left open.
 */
public class ApiKeyFilter {

    /** Only the live-push endpoints accept it ({@link Access#queryKey()}). */
    public static final String QUERY_KEY = "apiKey";

    @Inject
    ApiKeyService keys;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    CallerContext callerContext;

    @Inject
    FailedAuthThrottle failedAuth;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource,
                                           HttpServerRequest http) {
        Access access = required(resource);
        if (access == null) {
            return request.getUriInfo().getPath().startsWith("/api/")
                    ? Optional.of(Problems.of(403, "forbidden", "Forbidden", "this path admits no role"))
                    : Optional.empty();
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long blocked = failedAuth.retryAfter(address);
        if (blocked > 0) {
            return Optional.of(Problems.retryAfter(429, "too-many-failures", "Too many failed authentications",
                    "too many requests from this address had no valid key; retry after " + blocked + " s", blocked));
        }
        String key = request.getHeaderString(Headers.API_KEY);
        if (key == null && access.queryKey()) {
            key = request.getUriInfo().getQueryParameters().getFirst(QUERY_KEY);
        }
        if (key == null || key.isBlank()) {
            failedAuth.failed(address);
            return Optional.of(Problems.of(401, "unauthenticated", "Unauthenticated",
                    "an " + Headers.API_KEY + " header is required"));
        }
        Optional<Caller> caller;
        try {
            caller = keys.authenticate(key);
        } catch (DownstreamUnavailableException e) {
            return Optional.of(Problems.retryAfter(503, "unavailable", "Service unavailable",
                    "the key could not be checked: " + e.getMessage(), 5));
        }
        if (caller.isEmpty()) {
            failedAuth.failed(address);
            return Optional.of(Problems.of(401, "unauthenticated", "Unauthenticated", "unknown or revoked API key"));
        }
        long wait = rateLimiter.acquire(caller.get().bucket());
        if (wait > 0) {
            return Optional.of(Problems.retryAfter(429, "rate-limited", "Too many requests",
                    "this key is over its request rate; retry after " + wait + " s", wait));
        }
        if (caller.get().role() != access.value()) {
            return Optional.of(Problems.of(403, "forbidden", "Forbidden",
                    "this path needs the " + access.value().name().toLowerCase() + " role"));
        }
        callerContext.set(caller.get());
        return Optional.empty();
    }

    private static Access required(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Access onMethod = resource.getResourceMethod().getAnnotation(Access.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
    }
}
