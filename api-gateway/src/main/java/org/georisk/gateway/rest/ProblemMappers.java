package org.georisk.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.FieldError;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.DownstreamUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import org.georisk.contracts.HeaderNames;
import org.georisk.gateway.security.AuthRefusals;
import org.georisk.gateway.service.FailedAuthThrottle;

import java.util.List;
import java.util.stream.Collectors;

/** Every error the gateway itself raises, as problem+json; bad input is never a 5xx. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    FailedAuthThrottle failedAuth;

    /** Retry-After sent when a service is unreachable. */
    private static final long RETRY_SECONDS = 5;

    /** A REST client call that got no answer (connection refused, timeout). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("downstream unreachable: %s", e.getMessage());
        return Problems.retryAfter(503, "unavailable", "Service unavailable",
                "a GeoRisk service did not answer; try again shortly", RETRY_SECONDS);
    }

    @ServerExceptionMapper
    public Response unavailable(DownstreamUnavailableException e) {
        LOG.warnf("downstream unavailable: %s", e.getMessage());
        return Problems.retryAfter(503, "unavailable", "Service unavailable", e.getMessage(), RETRY_SECONDS);
    }

    /** No key on a path that needs one (Quarkus Security found no identity); counts as a failed authentication. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        failedAuth.failed(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        return Problems.of(401, "unauthenticated", "Unauthenticated", "an " + HeaderNames.API_KEY + " header is required");
    }

    /** The key was refused, the address is throttled, or the key is over its rate (security.ApiKey*). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        String refusal = AuthRefusals.kind(e);
        if (AuthRefusals.THROTTLED.equals(refusal)) {
            long wait = AuthRefusals.retryAfter(e);
            return Problems.retryAfter(429, "too-many-failures", "Too many failed authentications",
                    "too many requests from this address had no valid key; retry after " + wait + " s", wait);
        }
        if (AuthRefusals.RATE_LIMITED.equals(refusal)) {
            long wait = AuthRefusals.retryAfter(e);
            return Problems.retryAfter(429, "rate-limited", "Too many requests",
                    "this key is over its request rate; retry after " + wait + " s", wait);
        }
        if (AuthRefusals.UNAVAILABLE.equals(refusal)) {
            LOG.warnf("key check unavailable: %s", e.getCause() == null ? "" : e.getCause().getMessage());
            return Problems.retryAfter(503, "unavailable", "Service unavailable",
                    "the key could not be checked; try again shortly", RETRY_SECONDS);
        }
        return Problems.of(401, "unauthenticated", "Unauthenticated", "unknown or revoked API key");
    }

    /** A valid key whose role may not use the path (@RolesAllowed). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(403, "forbidden", "Forbidden", "this key's role may not use this path");
    }

    @ServerExceptionMapper
    public Response nameTaken(ApiKeyService.NameTakenException e) {
        return Problems.of(409, "conflict", "Conflict", e.getMessage(), List.of(new FieldError("name", "taken")));
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        // Jackson's own message names Java types (e.g. the enum class): never shown to a caller (docs/security.md)
        return Problems.invalid("the body could not be read",
                List.of(new FieldError(field.isEmpty() ? "body" : field, "has a value of the wrong type or an unknown name")));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problems.invalid("the body is not valid JSON",
                List.of(new FieldError("body", "is not valid JSON")));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformed(json); // the JSON reader's own refusal of a body that is not JSON
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            // the exception's message may name internals; the log has it, the caller gets the status only
            return Problems.of(status, "http-" + status, "Error", "the request could not be completed");
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return Problems.of(status, "http-" + status, title, e.getMessage());
    }
}
