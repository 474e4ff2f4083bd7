package org.georisk.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.georisk.contracts.BulkResult;
import org.georisk.contracts.EventPage;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.IngestResult;
import org.georisk.contracts.PairKey;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.contracts.events.PostedMediaTypes;
import org.georisk.ingest.service.EventQueryService;
import org.georisk.ingest.service.FeedAdapters;
import org.georisk.ingest.service.IngestService;
import org.georisk.ingest.service.InvalidRequestException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events in (JSON, NDJSON, GDELT) and out (the archive). Bodies arrive as bytes: parsing is ours, so errors are too.
 * The feed is the principal of the gateway's signed service token, never a header (docs/security.md).
 */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** What {@code POST /events} reads (the two methods' @Consumes), listed in a 415. */
    static final List<String> EVENT_TYPES = PostedMediaTypes.EVENTS;
    /** What {@code POST /events/gdelt} reads ({@link #postGdelt}'s @Consumes), listed in a 415. */
    static final List<String> GDELT_TYPES = List.of(HeaderNames.TSV, MediaType.TEXT_PLAIN, "text/csv", "application/zip",
            "application/x-zip-compressed");

    private final FeedAdapters adapters;
    private final IngestService ingest;
    private final EventQueryService query;

    public EventResource(FeedAdapters adapters, IngestService ingest, EventQueryService query) {
        this.adapters = adapters;
        this.ingest = ingest;
        this.query = query;
    }

    /** One event → 202 once the broker acknowledged it, 200 with duplicate=true for a known eventId. */
    @POST
    @RolesAllowed(ServiceIdentity.FEED)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(byte[] body, @HeaderParam("Content-Type") String contentType,
                         @Context SecurityContext security) {
        requireContentType(contentType, EVENT_TYPES);
        IngestResult result = ingest.ingest(adapters.json(body), feedOf(security));
        return Response.status(result.duplicate() ? 200 : 202).entity(result).build();
    }

    /** Bulk: one event per line, at most georisk.ingest.max-bulk-lines lines. */
    @POST
    @RolesAllowed(ServiceIdentity.FEED)
    @Consumes(HeaderNames.NDJSON)
    public BulkResult postBulk(byte[] body, @HeaderParam("Content-Type") String contentType,
                               @Context SecurityContext security) {
        requireContentType(contentType, EVENT_TYPES);
        String feed = feedOf(security);
        return ingest.ingestAll(adapters.ndjson(body), feed);
    }

    /** A GDELT 2.0 event export, as published: TSV, or the zipped .export.CSV.zip. */
    @POST
    @RolesAllowed(ServiceIdentity.FEED)
    @Path("/gdelt")
    @Consumes({HeaderNames.TSV, MediaType.TEXT_PLAIN, "text/csv", "application/zip", "application/x-zip-compressed"})
    public BulkResult postGdelt(byte[] body, @HeaderParam("Content-Type") String contentType,
                                @Context SecurityContext security) {
        requireContentType(contentType, GDELT_TYPES);
        boolean zipped = contentType != null && contentType.toLowerCase().contains("zip");
        String feed = feedOf(security);
        return ingest.ingestAll(adapters.gdelt(body, zipped, feed), feed);
    }

    /** Archived events, newest event time first. */
    @GET
    @RolesAllowed(ServiceIdentity.ANALYST)
    public EventPage list(@QueryParam("pair") String pair, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("0") String page,
                          @QueryParam("size") @DefaultValue("50") String size) {
        List<FieldError> errors = new ArrayList<>();
        String key = null;
        if (pair != null && !pair.isBlank()) {
            key = PairKey.normalise(pair);
            if (key == null) {
                errors.add(new FieldError("pair", "must be two known actor codes joined by '-', e.g. AZE-RUS"));
            }
        }
        Instant fromAt = instant("from", from, errors);
        Instant toAt = instant("to", to, errors);
        int pageNo = integer("page", page, 0, Integer.MAX_VALUE / 1000, errors);
        int pageSize = integer("size", size, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid query parameters", errors);
        }
        return query.search(key, fromAt, toAt, pageNo, pageSize);
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant, e.g. 2025-04-01T00:00:00Z"));
            return null;
        }
    }

    private static int integer(String name, String value, int min, int max, List<FieldError> errors) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return min;
    }

    /**
     * A body without a Content-Type is routed to one of the methods by the framework (it matches every @Consumes), so
     * it would be read as whatever that method reads; it is refused instead.
     */
    private static void requireContentType(String contentType, List<String> accepted) {
        if (PostedMediaTypes.missing(contentType)) {
            throw new UnsupportedMediaTypeException(contentType, accepted);
        }
    }

    /** The feed name the gateway authenticated (the token's upn). */
    private static String feedOf(SecurityContext security) {
        return blankToNull(security.getUserPrincipal().getName());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
