package org.georisk.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.georisk.contracts.FeedAuthenticationRequest;
import org.georisk.contracts.HeaderNames;
import org.georisk.gateway.security.IngestTokenHeaders;


/**
 * ingest-service. Bodies travel as raw bytes so that the gateway neither re-parses nor reshapes what a feed posted;
 * answers come back as {@link Response} so status, problem bodies and Retry-After are relayed as they are.
 */
@RegisterRestClient(configKey = "ingest")
@RegisterClientHeaders(IngestTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface IngestClient {

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response postEvent(byte[] body);

    @POST
    @Path("/events")
    @Consumes(HeaderNames.NDJSON)
    Response postEvents(byte[] body);

    @POST
    @Path("/events/gdelt")
    @Consumes(HeaderNames.TSV)
    Response postGdeltTsv(byte[] body);

    @POST
    @Path("/events/gdelt")
    @Consumes("application/zip")
    Response postGdeltZip(byte[] body);

    @GET
    @Path("/events")
    Response events(@QueryParam("pair") String pair, @QueryParam("from") String from, @QueryParam("to") String to,
                    @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/feeds")
    Response feeds();

    @POST
    @Path("/feeds")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createFeed(byte[] body);

    @POST
    @Path("/feeds/{name}/key")
    Response rotateFeedKey(@PathParam("name") String name);

    @DELETE
    @Path("/feeds/{name}")
    Response revokeFeed(@PathParam("name") String name);

    @PUT
    @Path("/feeds/{name}/rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    Response setFeedRateLimit(@PathParam("name") String name, byte[] body);

    @DELETE
    @Path("/feeds/{name}/rate-limit")
    Response resetFeedRateLimit(@PathParam("name") String name);

    /** 200 {@code {"feed": name, "requestsPerSecond": r, "burst": b}} for a valid feed key, 401 otherwise. */
    @POST
    @Path("/feeds/authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    Response authenticate(FeedAuthenticationRequest request);
}
