package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.georisk.contracts.Role;
import org.georisk.gateway.service.LivePushService;
import org.georisk.gateway.stream.StreamKind;

/**
 * Alerts and assessments as Server-Sent Events (analyst role). Each event has an id; reconnecting with
 * Last-Event-ID gets exactly the events after it that are still retained (24 h / 10,000 per stream), then live
 * ones. A comment line every 15 s keeps proxies from closing an idle stream. The key may come as {@code ?apiKey=}
 * because EventSource cannot send headers.
 */
@Path("/api/v1/stream")
@RolesAllowed(ServiceIdentity.ANALYST)
@Tag(name = "live")
@SecurityRequirement(name = "apiKey")
public class StreamResource {

    @Inject
    LivePushService push;

    @GET
    @Path("/alerts")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Alerts as Server-Sent Events, event name 'alert' (analyst role)")
    public Multi<OutboundSseEvent> alerts(@Parameter(description = "only this pair, e.g. AZE-RUS") @QueryParam("pair") String pair,
                                          @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        return push.sse(StreamKind.ALERTS, pair, lastEventId, sse);
    }

    @GET
    @Path("/assessments")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Assessments as Server-Sent Events, event name 'assessment' (analyst role)")
    public Multi<OutboundSseEvent> assessments(@Parameter(description = "only this pair") @QueryParam("pair") String pair,
                                               @HeaderParam("Last-Event-ID") String lastEventId,
                                               @Context Sse sse) {
        return push.sse(StreamKind.ASSESSMENTS, pair, lastEventId, sse);
    }
}
