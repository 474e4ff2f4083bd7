package org.georisk.assessment.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.georisk.assessment.service.QueryException;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error as application/problem+json ({@link Problem}); bad input is a 4xx, never a 5xx. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response query(QueryException e) {
        Problem problem = e.status() == 400
                ? Problem.invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())))
                : Problem.of(e.status(), "Not Found", e.getMessage());
        return respond(e.status(), problem);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = e.getResponse().getStatusInfo();
        return respond(status, Problem.of(status, type.getReasonPhrase(), e.getMessage()));
    }

    /** No valid service token (only the gateway holds the signing key): docs/security.md. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e) {
        return respond(401, Problem.of(401, "Unauthorized", "a service token signed by the gateway is required"));
    }

    /** A valid token whose role may not call this resource. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(403, Problem.of(403, "Forbidden", "the caller's role may not do this"));
    }

    private static Response respond(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
