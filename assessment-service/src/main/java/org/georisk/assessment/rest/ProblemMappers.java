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

    private static Response respond(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
