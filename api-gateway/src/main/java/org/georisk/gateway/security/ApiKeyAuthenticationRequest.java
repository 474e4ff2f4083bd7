package org.georisk.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented at the gateway, for {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
