package org.georisk.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.HeaderNames;
import org.georisk.gateway.service.FailedAuthThrottle;

import java.util.Set;

/**
 * The API key as a Quarkus Security mechanism (docs/security.md): {@code X-API-Key}, or {@code ?apiKey=} on the
 * live-push paths only (browsers cannot set headers on EventSource and WebSocket; elsewhere a key in a URL would end
 * up in logs). The same identity serves JAX-RS resources and the WebSocket upgrade; roles are checked by
 * {@code @RolesAllowed}. An address with too many failed authentications ({@link FailedAuthThrottle}) is refused
 * before its key is looked at.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Only the live-push endpoints accept it. */
    public static final String QUERY_KEY = "apiKey";
    /** The routing-context attribute holding the client address, for the refusal mappers. */
    public static final String CLIENT_ADDRESS = "georisk.client-address";

    private final FailedAuthThrottle failedAuth;

    public ApiKeyAuthenticationMechanism(FailedAuthThrottle failedAuth) {
        this.failedAuth = failedAuth;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String address = clientAddress(context);
        context.put(CLIENT_ADDRESS, address);
        long blocked = failedAuth.retryAfter(address);
        if (blocked > 0) {
            return Uni.createFrom().failure(AuthRefusals.throttled(blocked));
        }
        String key = context.request().getHeader(HeaderNames.API_KEY);
        if (key == null && livePath(context.normalizedPath())) {
            key = context.request().getParam(QUERY_KEY);
        }
        if (key == null || key.isBlank()) {
            return Uni.createFrom().nullItem(); // anonymous: @RolesAllowed answers 401
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new ApiKeyAuthenticationRequest(key), context))
                .onFailure(e -> e instanceof AuthenticationFailedException refused && AuthRefusals.kind(refused) == null)
                .invoke(() -> failedAuth.failed(address));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    static String clientAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    private static boolean livePath(String path) {
        return path != null && (path.startsWith("/api/v1/stream/") || path.equals("/api/v1/ws"));
    }
}
