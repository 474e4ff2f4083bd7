package org.georisk.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.contracts.Subscription;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.notification.service.SubscriptionService;

import java.net.URI;
import java.util.List;

/**
 * Alert subscriptions of the calling principal: the analyst named by the gateway's signed service token
 * (docs/security.md), never a header.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
public class SubscriptionResource {

    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, SubscriptionRequest request) {
        Subscription created = subscriptions.create(CallerIdentity.principal(security), request);
        return Response.created(URI.create("/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    public List<Subscription> list(@Context SecurityContext security) {
        return subscriptions.list(CallerIdentity.principal(security));
    }

    @GET
    @Path("/{id}")
    public Subscription get(@Context SecurityContext security, @PathParam("id") String id) {
        String owner = CallerIdentity.principal(security);
        return subscriptions.get(owner, CallerIdentity.id(id, "subscription"));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        String owner = CallerIdentity.principal(security);
        subscriptions.delete(owner, CallerIdentity.id(id, "subscription"));
        return Response.noContent().build();
    }
}
