package org.georisk.ingest.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.Problem;
import org.georisk.contracts.events.PostedMediaTypes;
import org.georisk.ingest.config.IngestConfig;
import org.georisk.ingest.service.BrokerUnavailableException;
import org.georisk.ingest.service.FeedService;
import org.georisk.ingest.service.InvalidRequestException;
import org.georisk.ingest.service.PayloadTooLargeException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error as application/problem+json (contracts Problem); bad input is always a 4xx. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return problem(Problem.invalid(e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return problem(Problem.of(413, "Payload too large", e.getMessage()));
    }

    /** The broker did not acknowledge in time: nothing was accepted, retry later (a retry is safe by eventId). */
    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "Service unavailable",
                        "events could not be stored right now; nothing of this request was accepted: retry later")))
                .header("Retry-After", config.retryAfterSeconds()).build();
    }

    /** No valid service token (only the gateway holds the signing key): docs/security.md. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e) {
        return problem(Problem.of(401, "Unauthorized", "a service token signed by the gateway is required"));
    }

    /** A valid token whose role may not call this resource. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return problem(Problem.of(403, "Forbidden", "the caller's role may not do this"));
    }

    @ServerExceptionMapper
    public Response feedExists(FeedService.FeedExistsException e) {
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response feedNotFound(FeedService.FeedNotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    /** No Content-Type on an event post (checked by EventResource): 415 with the accepted types. */
    @ServerExceptionMapper
    public Response unsupported(UnsupportedMediaTypeException e) {
        return problem(PostedMediaTypes.unsupported(e.contentType(), e.accepted()));
    }

    /** A Content-Type no method of the path reads (raised by the framework): 415, with the accepted types where known. */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        String path = request.path();
        List<String> accepted = path.endsWith("/events/gdelt") ? EventResource.GDELT_TYPES
                : path.endsWith("/events") ? EventResource.EVENT_TYPES : List.of();
        if (accepted.isEmpty()) {
            return web(e);
        }
        return problem(PostedMediaTypes.unsupported(request.getHeader("Content-Type"), accepted));
    }

    /** 404, 405, 406, 415 … raised by the framework keep their status, in problem form. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = e.getResponse().getStatusInfo();
        return problem(Problem.of(status, type.getReasonPhrase(), e.getMessage()));
    }

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
