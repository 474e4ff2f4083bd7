package org.georisk.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.georisk.gateway.security.AssessmentTokenHeaders;

/** assessment-service queries; answers relayed as they are. */
@RegisterRestClient(configKey = "assessment")
@RegisterClientHeaders(AssessmentTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface AssessmentClient {

    @GET
    @Path("/assessments")
    Response ranked(@QueryParam("actor") String actor, @QueryParam("minLevel") String minLevel);

    @GET
    @Path("/assessments/{pair}")
    Response pair(@PathParam("pair") String pair, @QueryParam("at") String at);

    @GET
    @Path("/assessments/{pair}/history")
    Response history(@PathParam("pair") String pair, @QueryParam("from") String from, @QueryParam("to") String to);
}
