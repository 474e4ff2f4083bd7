package org.georisk.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.georisk.contracts.Alert;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.notification.service.AlertLog;

import java.util.List;

/** Published alerts, newest first, optionally of one pair (the gateway has normalised the key). */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.ANALYST)
public class AlertResource {

    private final AlertLog alerts;

    public AlertResource(AlertLog alerts) {
        this.alerts = alerts;
    }

    @GET
    public List<Alert> recent(@QueryParam("pair") String pair, @QueryParam("limit") @DefaultValue("50") int limit) {
        return alerts.recent(pair, limit);
    }
}
