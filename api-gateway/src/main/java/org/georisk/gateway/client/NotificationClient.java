package org.georisk.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.gateway.security.NotificationTokenHeaders;

/** notification-service: subscriptions (owned by the service token's principal) and the dead letters of webhook delivery. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(NotificationTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationClient {

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(SubscriptionRequest request);

    @GET
    @Path("/subscriptions")
    Response list();

    @GET
    @Path("/subscriptions/{id}")
    Response get(@PathParam("id") String id);

    @DELETE
    @Path("/subscriptions/{id}")
    Response delete(@PathParam("id") String id);

    @GET
    @Path("/alerts")
    Response alerts(@QueryParam("pair") String pair, @QueryParam("limit") Integer limit);

    @GET
    @Path("/deliveries/dead-letters")
    Response deadLetters();

    @POST
    @Path("/deliveries/dead-letters/{id}/resend")
    Response resend(@PathParam("id") String id);
}
