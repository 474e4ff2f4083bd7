package org.georisk.notification.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.georisk.contracts.Headers;
import org.georisk.contracts.Subscription;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.notification.service.SubscriptionService;

import java.net.URI;
import java.util.List;

/** Alert subscriptions of the calling principal. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(Headers.PRINCIPAL) String principal, SubscriptionRequest request) {
        Subscription created = subscriptions.create(Callers.requirePrincipal(principal), request);
        return Response.created(URI.create("/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    public List<Subscription> list(@HeaderParam(Headers.PRINCIPAL) String principal) {
        return subscriptions.list(Callers.requirePrincipal(principal));
    }

    @GET
    @Path("/{id}")
    public Subscription get(@HeaderParam(Headers.PRINCIPAL) String principal, @PathParam("id") String id) {
        String owner = Callers.requirePrincipal(principal);
        return subscriptions.get(owner, Callers.id(id, "subscription"));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@HeaderParam(Headers.PRINCIPAL) String principal, @PathParam("id") String id) {
        String owner = Callers.requirePrincipal(principal);
        subscriptions.delete(owner, Callers.id(id, "subscription"));
        return Response.noContent().build();
    }
}
