package org.georisk.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.ingest.service.BodyReader;
import org.georisk.ingest.service.FeedRateLimit;
import org.georisk.ingest.service.FeedService;
import org.georisk.ingest.service.InvalidRequestException;

import java.net.URI;
import java.util.List;

/**
 * The feed registry. Managing feeds needs the OPS role of the gateway's signed service token; authenticate is what
 * the gateway itself (role GATEWAY, no caller yet) calls to turn a feed key into a principal, so nobody else can use
 * it to test keys (docs/security.md).
 */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.OPS)
public class FeedResource {

    private final FeedService feeds;
    private final BodyReader reader;

    public FeedResource(FeedService feeds, BodyReader reader) {
        this.feeds = feeds;
        this.reader = reader;
    }

    /** {@code {"name": ..., "requestsPerSecond": ..., "burst": ...}}; the two limits are optional, together. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        JsonNode json = reader.parse(body == null ? new byte[0] : body, "body");
        String name = text(json, "name");
        if (!name.matches(FeedService.NAME_PATTERN)) {
            throw new InvalidRequestException("invalid feed name",
                    List.of(new FieldError("name", "must match " + FeedService.NAME_PATTERN)));
        }
        FeedRateLimit limit = json.has("requestsPerSecond") || json.has("burst") ? RateLimitBody.read(json) : null;
        FeedService.IssuedKey issued = feeds.create(name, limit);
        return Response.created(URI.create("/feeds/" + name)).entity(issued).build();
    }

    /** Sets the feed's rate limit: {@code {"requestsPerSecond": 200, "burst": 1000}}; the gateway applies it within
     *  its key cache TTL (5 s). */
    @PUT
    @Path("/{name}/rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeedRateLimit setRateLimit(@PathParam("name") String name, byte[] body) {
        return feeds.setRateLimit(name, RateLimitBody.read(reader.parse(body == null ? new byte[0] : body, "body")));
    }

    /** Back to the configured default rate limit. */
    @DELETE
    @Path("/{name}/rate-limit")
    public FeedRateLimit resetRateLimit(@PathParam("name") String name) {
        return feeds.setRateLimit(name, null);
    }

    @GET
    public List<FeedView> list() {
        return feeds.list().stream().map(f -> FeedView.of(f, feeds.rateLimitOf(f))).toList();
    }

    /** A new key for the feed; the old key stops working. */
    @POST
    @Path("/{name}/key")
    public FeedService.IssuedKey rotate(@PathParam("name") String name) {
        return feeds.rotate(name);
    }

    /** Revokes the feed's key (the feed and its counters stay). */
    @DELETE
    @Path("/{name}")
    public Response revoke(@PathParam("name") String name) {
        feeds.revoke(name);
        return Response.noContent().build();
    }

    @POST
    @Path("/authenticate")
    @RolesAllowed(ServiceIdentity.GATEWAY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response authenticate(byte[] body) {
        String key = text(reader.parse(body == null ? new byte[0] : body, "body"), "key");
        return feeds.authenticate(key)
                .map(credential -> Response.ok(credential).build())
                .orElseGet(() -> Response.status(401).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(401, "Unauthorized", "unknown or revoked feed key")).build());
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.isObject() ? body.get(field) : null;
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InvalidRequestException("missing " + field, List.of(new FieldError(field, "is required (a string)")));
        }
        return node.asText();
    }
}
