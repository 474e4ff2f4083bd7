package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.georisk.contracts.Subscription;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.gateway.client.NotificationClient;
import org.georisk.gateway.client.DownstreamResponses;

/**
 * An analyst's alert rules, served by notification-service, which scopes them to the X-GeoRisk-Principal the
 * gateway sends: another analyst's subscription is a 404.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
@Tag(name = "subscriptions")
@SecurityRequirement(name = "apiKey")
public class SubscriptionResource {

    @Inject
    @RestClient
    NotificationClient notifications;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a subscription, optionally with a signed webhook (analyst role)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Subscription.class)))
    public Response create(SubscriptionRequest request) {
        if (request == null) {
            return Problems.invalid("a subscription body is required",
                    java.util.List.of(new org.georisk.contracts.FieldError("body", "missing")));
        }
        return DownstreamResponses.of(notifications.create(request));
    }

    @GET
    @Operation(summary = "The caller's subscriptions (analyst role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Subscription.class)))
    public Response list() {
        return DownstreamResponses.of(notifications.list());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's subscriptions (analyst role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Subscription.class)))
    public Response get(@PathParam("id") String id) {
        return DownstreamResponses.of(notifications.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of the caller's subscriptions (analyst role)")
    @APIResponse(responseCode = "204")
    public Response delete(@PathParam("id") String id) {
        return DownstreamResponses.of(notifications.delete(id));
    }
}
