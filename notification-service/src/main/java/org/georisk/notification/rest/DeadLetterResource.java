package org.georisk.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.contracts.WebhookDelivery;
import org.georisk.notification.service.DeliveryService;
import org.georisk.notification.service.ProblemException;

import java.util.List;
import java.util.UUID;

/** Webhook deliveries that ran out of attempts; ops (by the gateway's service token) can list them and queue them again. */
@Path("/deliveries/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.OPS)
public class DeadLetterResource {

    private final DeliveryService deliveries;

    public DeadLetterResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public List<WebhookDelivery> list() {
        return deliveries.deadLetters();
    }

    @POST
    @Path("/{id}/resend")
    public Response resend(@PathParam("id") String id) {
        UUID deliveryId = CallerIdentity.id(id, "dead letter");
        WebhookDelivery queued = deliveries.resend(deliveryId)
                .orElseThrow(() -> ProblemException.notFound("No dead letter " + id + "."));
        return Response.accepted(queued).build();
    }
}
