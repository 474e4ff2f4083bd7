package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Role;
import org.georisk.gateway.client.AssessmentClient;
import org.georisk.gateway.client.DownstreamResponses;

/** Risk assessments per country pair (analyst role), served by assessment-service. */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
@Tag(name = "assessments")
@SecurityRequirement(name = "apiKey")
public class AssessmentResource {

    @Inject
    @RestClient
    AssessmentClient assessments;

    @GET
    @Operation(summary = "All pairs, ranked by priority: the score weighted by salience (analyst role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PairAssessment.class)))
    public Response ranked(@Parameter(description = "only pairs with this actor, e.g. RUS") @QueryParam("actor") String actor,
                           @Parameter(description = "only pairs at least at this level", schema = @Schema(implementation = Level.class)) @QueryParam("minLevel") String minLevel) {
        if (minLevel != null && java.util.Arrays.stream(Level.values()).noneMatch(l -> l.name().equals(minLevel))) {
            return Problems.invalid("unknown level", java.util.List.of(new org.georisk.contracts.FieldError("minLevel",
                    "one of " + java.util.Arrays.toString(Level.values()))));
        }
        return DownstreamResponses.of(assessments.ranked(actor, minLevel));
    }

    @GET
    @Path("/{pair}")
    @Operation(summary = "The latest assessment of one pair, e.g. AZE-RUS (analyst role)",
            description = "With at=T (ISO instant, not before asOf) the assessment decayed to T.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PairAssessment.class)))
    public Response pair(@PathParam("pair") String pair, @QueryParam("at") String at) {
        return DownstreamResponses.of(assessments.pair(pair, at));
    }

    @GET
    @Path("/{pair}/history")
    @Operation(summary = "A pair's assessments over time (analyst role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PairAssessment.class)))
    public Response history(@PathParam("pair") String pair, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        return DownstreamResponses.of(assessments.history(pair, from, to));
    }
}
