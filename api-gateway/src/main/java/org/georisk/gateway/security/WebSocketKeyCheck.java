package org.georisk.gateway.security;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.contracts.Headers;
import org.georisk.contracts.Role;
import org.georisk.gateway.rest.LiveSocket;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.DownstreamUnavailableException;
import org.georisk.gateway.service.FailedAuthThrottle;
import org.georisk.gateway.service.RateLimiter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket's gate, at the HTTP upgrade (not a JAX-RS request, so {@link ApiKeyFilter} does not see it): the
 * same rules, analyst role, key in X-API-Key or {@code ?apiKey=} (browsers cannot set headers on a WebSocket).
 * Refusals are plain status codes, as a WebSocket client gets no body.
 */
@ApplicationScoped
public class WebSocketKeyCheck implements HttpUpgradeCheck {

    @Inject
    ApiKeyService keys;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    FailedAuthThrottle failedAuth;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String address = context.httpRequest().remoteAddress() == null
                ? "unknown" : context.httpRequest().remoteAddress().hostAddress();
        long blocked = failedAuth.retryAfter(address);
        if (blocked > 0) {
            return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of(Long.toString(blocked))));
        }
        String key = context.httpRequest().getHeader(Headers.API_KEY);
        if (key == null) {
            key = context.httpRequest().getParam(ApiKeyFilter.QUERY_KEY);
        }
        if (key == null || key.isBlank()) {
            failedAuth.failed(address);
            return CheckResult.rejectUpgrade(401);
        }
        String presented = key;
        // the key lookup may touch the database or ingest-service: off the event loop
        return Uni.createFrom().item(() -> check(presented, address))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private CheckResult check(String key, String address) {
        Optional<Caller> caller;
        try {
            caller = keys.authenticate(key);
        } catch (DownstreamUnavailableException e) {
            return CheckResult.rejectUpgradeSync(503, Map.of("Retry-After", List.of("5")));
        }
        if (caller.isEmpty()) {
            failedAuth.failed(address);
            return CheckResult.rejectUpgradeSync(401);
        }
        long wait = rateLimiter.acquire(caller.get().bucket());
        if (wait > 0) {
            return CheckResult.rejectUpgradeSync(429, Map.of("Retry-After", List.of(Long.toString(wait))));
        }
        if (caller.get().role() != Role.ANALYST) {
            return CheckResult.rejectUpgradeSync(403);
        }
        return CheckResult.permitUpgradeSync();
    }
}
