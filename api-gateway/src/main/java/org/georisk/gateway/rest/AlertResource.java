package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.georisk.contracts.Alert;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.gateway.client.NotificationClient;
import org.georisk.gateway.client.DownstreamResponses;
import org.georisk.gateway.service.LivePushService;

/** Alerts already pushed, newest first (analyst role), served by notification-service: what the live stream missed. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
@Tag(name = "live")
@SecurityRequirement(name = "apiKey")
public class AlertResource {

    @Inject
    @RestClient
    NotificationClient notifications;

    @Inject
    LivePushService push;

    @GET
    @Operation(summary = "The latest alerts, of one pair or of all (analyst role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class)))
    public Response recent(@Parameter(description = "only this pair, e.g. AZE-RUS") @QueryParam("pair") String pair,
                           @Parameter(description = "at most this many, 1-200 (default 50)") @QueryParam("limit") Integer limit) {
        return DownstreamResponses.of(notifications.alerts(push.pairFilter(pair), limit));
    }
}
