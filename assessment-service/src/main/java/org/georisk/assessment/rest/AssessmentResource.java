package org.georisk.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.georisk.assessment.service.AssessmentQueries;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.ServiceIdentity;

import java.util.List;

/**
 * The query API (the gateway serves it under /api/v1/assessments). Analysts only, as the gateway's signed service
 * token says (docs/security.md).
 */
@Path("/assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
public class AssessmentResource {

    @Inject
    AssessmentQueries queries;

    /** The latest assessment of every pair, highest score first; filters actor and minLevel. */
    @GET
    public List<PairAssessment> ranked(@QueryParam("actor") String actor, @QueryParam("minLevel") String minLevel) {
        return queries.ranked(actor, minLevel);
    }

    /** The latest assessment of one pair; with {@code at=T} (T ≥ asOf) decayed to T. */
    @GET
    @Path("/{pair}")
    public PairAssessment latest(@PathParam("pair") String pair, @QueryParam("at") String at) {
        return queries.latest(pair, at);
    }

    /** The pair's assessments with asOf in [from, to], by version. */
    @GET
    @Path("/{pair}/history")
    public List<PairAssessment> history(@PathParam("pair") String pair, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        return queries.history(pair, from, to);
    }
}
