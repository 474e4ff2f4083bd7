package org.georisk.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.DownstreamUnavailableException;
import org.georisk.gateway.service.RateLimiter;

import java.util.Optional;

/**
 * Turns an API key into a {@link SecurityIdentity}: principal = the key's name (or the feed's), one role = the key's
 * role, the {@link Caller} as attribute {@link #CALLER}. A key over its request rate fails with
 * {@link AuthRefusals#rateLimited} (429). The lookup may touch the database or ingest-service, so it runs blocking.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    public static final String CALLER = "georisk.caller";

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;

    public ApiKeyIdentityProvider(ApiKeyService keys, RateLimiter rateLimiter) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.key()));
    }

    private SecurityIdentity identity(String key) {
        Optional<Caller> found;
        try {
            found = keys.authenticate(key);
        } catch (DownstreamUnavailableException e) {
            throw AuthRefusals.unavailable(e);
        }
        if (found.isEmpty()) {
            throw new AuthenticationFailedException("unknown or revoked API key");
        }
        Caller caller = found.get();
        long wait = rateLimiter.acquire(caller);
        if (wait > 0) {
            throw AuthRefusals.rateLimited(wait);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.principal()))
                .addRole(caller.role().name())
                .addAttribute(CALLER, caller)
                .build();
    }
}
