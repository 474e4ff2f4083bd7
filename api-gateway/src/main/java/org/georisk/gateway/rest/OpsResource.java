package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.georisk.contracts.Role;
import org.georisk.contracts.WebhookDelivery;
import org.georisk.gateway.client.IngestClient;
import org.georisk.gateway.client.NotificationClient;
import org.georisk.gateway.client.DownstreamResponses;
import org.georisk.gateway.service.ConsumerGroupReport;
import org.georisk.gateway.service.KafkaOpsService;
import org.georisk.gateway.service.TopicReport;

import java.util.List;

/**
 * Everything under /ops (ops role): the pipeline's topics and consumers, feed keys, webhook dead letters. The
 * gateway's own analyst and ops keys are {@link ApiKeyResource}.
 */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.OPS)
@Tag(name = "ops")
@SecurityRequirement(name = "apiKey")
public class OpsResource {

    @Inject
    KafkaOpsService kafka;

    @Inject
    @RestClient
    IngestClient ingest;

    @Inject
    @RestClient
    NotificationClient notifications;

    @GET
    @Path("/consumers")
    @Operation(summary = "Every consumer group: state, members, per partition committed offset, end offset, lag (ops role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ConsumerGroupReport.class)))
    public List<ConsumerGroupReport> consumers() {
        return kafka.consumers();
    }

    @GET
    @Path("/topics")
    @Operation(summary = "Topics: partitions, replication, retention, cleanup policy, size on disk (ops role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TopicReport.class)))
    public List<TopicReport> topics() {
        return kafka.topics();
    }

    @GET
    @Path("/feeds")
    @Operation(summary = "Registered feeds and their counters (ops role; ingest-service)")
    public Response feeds() {
        return DownstreamResponses.of(ingest.feeds());
    }

    @POST
    @Path("/feeds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a feed; the answer shows its key once (ops role; ingest-service)")
    public Response createFeed(byte[] body) {
        return DownstreamResponses.of(ingest.createFeed(body), "/feeds", "/api/v1/ops/feeds");
    }

    @POST
    @Path("/feeds/{name}/key")
    @Operation(summary = "Issue a new key for a feed; the old one stops working (ops role; ingest-service)")
    public Response rotateFeedKey(@PathParam("name") String name) {
        return DownstreamResponses.of(ingest.rotateFeedKey(name));
    }

    @DELETE
    @Path("/feeds/{name}")
    @Operation(summary = "Revoke a feed's key (ops role; ingest-service)")
    public Response revokeFeed(@PathParam("name") String name) {
        return DownstreamResponses.of(ingest.revokeFeed(name));
    }

    @PUT
    @Path("/feeds/{name}/rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a feed's request rate limit, {\"requestsPerSecond\": 200, \"burst\": 1000} (ops role; ingest-service)",
            description = "Applies at the gateway within its key cache TTL (5 s).")
    public Response setFeedRateLimit(@PathParam("name") String name, byte[] body) {
        return DownstreamResponses.of(ingest.setFeedRateLimit(name, body));
    }

    @DELETE
    @Path("/feeds/{name}/rate-limit")
    @Operation(summary = "Put a feed back on the default rate limit (ops role; ingest-service)")
    public Response resetFeedRateLimit(@PathParam("name") String name) {
        return DownstreamResponses.of(ingest.resetFeedRateLimit(name));
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Webhook deliveries out of attempts (ops role; notification-service)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDelivery.class)))
    public Response deadLetters() {
        return DownstreamResponses.of(notifications.deadLetters());
    }

    @POST
    @Path("/dead-letters/{id}/resend")
    @Operation(summary = "Send a dead letter again (ops role; notification-service)")
    public Response resend(@PathParam("id") String id) {
        return DownstreamResponses.of(notifications.resend(id));
    }
}
