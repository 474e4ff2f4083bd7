package org.georisk.gateway.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.gateway.config.GatewayConfig;

import java.time.Instant;

/**
 * Signs the service token the gateway sends with every call to a service: RS256 with the key of
 * {@code smallrye.jwt.sign.key.location}, issuer {@link ServiceIdentity#ISSUER}, the called service as audience (a
 * token for one service is refused by the others), the caller's principal ({@code upn}) and role ({@code groups}),
 * valid for {@code georisk.gateway.service-token.lifetime}.
 */
@ApplicationScoped
public class ServiceTokenSigner {

    private final GatewayConfig config;

    public ServiceTokenSigner(GatewayConfig config) {
        this.config = config;
    }

    /** The token for a call on behalf of {@code caller}, or of the gateway itself when there is none yet. */
    public String sign(String audience, Caller caller) {
        String principal = caller == null ? ServiceIdentity.GATEWAY_PRINCIPAL : caller.principal();
        String role = caller == null ? ServiceIdentity.GATEWAY : caller.role().name();
        Instant now = Instant.now();
        return Jwt.issuer(ServiceIdentity.ISSUER)
                .audience(audience)
                .upn(principal)
                .groups(role)
                .issuedAt(now)
                .expiresAt(now.plus(config.serviceToken().lifetime()))
                .sign();
    }
}
