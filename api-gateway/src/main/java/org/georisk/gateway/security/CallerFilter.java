package org.georisk.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hands the authenticated caller ({@link ApiKeyIdentityProvider#CALLER}) to {@link CallerContext}, where the service
 * token headers find it for the calls this request makes. Runs after the security check, so by then the identity is
 * known (anonymous on public paths: nothing to hand on).
 */
public class CallerFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerContext callerContext;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public void caller() {
        if (!identity.isAnonymous()) {
            Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
            callerContext.set(caller);
        }
    }
}
