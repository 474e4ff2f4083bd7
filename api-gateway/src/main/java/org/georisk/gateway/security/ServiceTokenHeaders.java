package org.georisk.gateway.security;

import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Puts a freshly signed service token ({@link ServiceTokenSigner}) on every call to one service. The services never
 * see the caller's key, and nothing the caller sent (X-GeoRisk-* headers included) is passed on. One subclass per
 * service, because the audience differs.
 */
public abstract class ServiceTokenHeaders implements ClientHeadersFactory {

    @Inject
    ServiceTokenSigner signer;

    @Inject
    CallerContext callerContext;

    /** The called service: the token's audience. */
    protected abstract String audience();

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        // Without an authenticated caller (the feed-key check itself) the gateway calls as itself, role GATEWAY.
        Caller caller = Arc.container().requestContext().isActive() ? callerContext.caller() : null;
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + signer.sign(audience(), caller));
        return headers;
    }
}
