package org.georisk.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ServiceIdentity;

/** Service tokens for notification-service's audience. */
@ApplicationScoped
public class NotificationTokenHeaders extends ServiceTokenHeaders {

    @Override
    protected String audience() {
        return ServiceIdentity.NOTIFICATION;
    }
}
