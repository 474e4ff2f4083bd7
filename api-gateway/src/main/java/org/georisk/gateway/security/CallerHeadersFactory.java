package org.georisk.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.georisk.contracts.Headers;

import io.quarkus.arc.Arc;

/**
 * Puts the authenticated caller on every call to a service: the services trust these headers (private network)
 * and never see the caller's key.
 */
@ApplicationScoped
public class CallerHeadersFactory implements ClientHeadersFactory {

    @Inject
    CallerContext callerContext;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (Arc.container().requestContext().isActive() && callerContext.caller() != null) {
            Caller caller = callerContext.caller();
            headers.putSingle(Headers.PRINCIPAL, caller.principal());
            headers.putSingle(Headers.ROLE, caller.role().name());
        }
        return headers;
    }
}
