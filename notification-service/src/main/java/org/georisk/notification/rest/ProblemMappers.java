package org.georisk.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;
import org.georisk.notification.service.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error as application/problem+json; bad input is never a 5xx. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** Unreadable JSON, or a value of the wrong type (an unknown kind, level or category): 400 naming the field. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : "body";
        String reason = e instanceof JsonMappingException ? "has a value of the wrong type or an unknown name"
                : "is not valid JSON";
        return respond(Problem.invalid("The request body could not be read.", List.of(new FieldError(field, reason))));
    }

    /** Same type as Quarkus' built-in mapper for it, so this one (a problem+json body) is chosen. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    /** No valid service token (only the gateway holds the signing key): docs/security.md. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e) {
        return respond(Problem.of(401, "Unauthorized", "A service token signed by the gateway is required."));
    }

    /** A valid token whose role may not call this resource. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "The caller's role may not do this."));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "The request could not be completed."));
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
