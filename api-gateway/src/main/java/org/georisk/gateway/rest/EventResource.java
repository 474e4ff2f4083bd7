package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.georisk.contracts.BulkResult;
import org.georisk.contracts.EventPage;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.IngestResult;
import org.georisk.contracts.Problem;
import org.georisk.contracts.events.PostedMediaTypes;
import org.georisk.contracts.Role;
import org.georisk.gateway.client.IngestClient;
import org.georisk.gateway.client.DownstreamResponses;

import java.util.List;

/** Events in (feed role) and the archive behind a pair (analyst role), both served by ingest-service. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
@SecurityRequirement(name = "apiKey")
public class EventResource {

    /** What {@code POST /events/gdelt} reads (the two methods' @Consumes), listed in a 415. */
    static final List<String> GDELT_TYPES = List.of(HeaderNames.TSV, "application/zip");

    @Inject
    @RestClient
    IngestClient ingest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(summary = "Post one event (feed role)",
            description = "202 with the eventId once Kafka acknowledged it; 200 with duplicate=true for a re-post.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GeoEvent.class)))
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IngestResult.class)))
    public Response postOne(byte[] body, @HeaderParam("Content-Type") String contentType) {
        requireContentType(contentType, PostedMediaTypes.EVENTS);
        return DownstreamResponses.of(ingest.postEvent(body));
    }

    @POST
    @Consumes(HeaderNames.NDJSON)
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(summary = "Post events in bulk, one JSON event a line (feed role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    public Response postBulk(byte[] body, @HeaderParam("Content-Type") String contentType) {
        requireContentType(contentType, PostedMediaTypes.EVENTS);
        return DownstreamResponses.of(ingest.postEvents(body));
    }

    @POST
    @Path("/gdelt")
    @Consumes(HeaderNames.TSV)
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(summary = "Post a GDELT 2.0 event export file, as published (feed role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    public Response postGdelt(byte[] body, @HeaderParam("Content-Type") String contentType) {
        requireContentType(contentType, GDELT_TYPES);
        return DownstreamResponses.of(ingest.postGdeltTsv(body));
    }

    @POST
    @Path("/gdelt")
    @Consumes("application/zip")
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(summary = "Post a zipped GDELT 2.0 event export (.export.CSV.zip) (feed role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    public Response postGdeltZip(byte[] body, @HeaderParam("Content-Type") String contentType) {
        requireContentType(contentType, GDELT_TYPES);
        return DownstreamResponses.of(ingest.postGdeltZip(body));
    }

    /** Any other Content-Type: 415 listing the ones read here (the framework's own 415 would not). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(hidden = true)
    public Response postOther(@HeaderParam("Content-Type") String contentType) {
        throw unsupported(contentType, PostedMediaTypes.EVENTS);
    }

    @POST
    @Path("/gdelt")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ServiceIdentity.FEED)
    @Operation(hidden = true)
    public Response postOtherGdelt(@HeaderParam("Content-Type") String contentType) {
        throw unsupported(contentType, GDELT_TYPES);
    }

    @GET
    @RolesAllowed(ServiceIdentity.ANALYST)
    @Operation(summary = "The archived events behind a pair, newest first (analyst role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Response events(@QueryParam("pair") String pair, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size) {
        return DownstreamResponses.of(ingest.events(pair, from, to, page, size));
    }

    /**
     * A body without a Content-Type matches every @Consumes, so the framework would route it to one of the methods
     * (and relay it as an NDJSON bulk): it is refused instead, before anything reaches ingest-service.
     */
    private static void requireContentType(String contentType, List<String> accepted) {
        if (PostedMediaTypes.missing(contentType)) {
            throw unsupported(contentType, accepted);
        }
    }

    private static WebApplicationException unsupported(String contentType, List<String> accepted) {
        // a response with a body: ProblemMappers passes it on as it is
        return new WebApplicationException(Response.status(415).type(Problem.MEDIA_TYPE)
                .entity(PostedMediaTypes.unsupported(contentType, accepted)).build());
    }
}
