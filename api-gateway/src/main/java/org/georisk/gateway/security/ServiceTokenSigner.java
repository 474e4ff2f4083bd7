package org.georisk.gateway.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.gateway.config.GatewayConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the service token the gateway sends with every call to a service: RS256 with the key of
 * {@code smallrye.jwt.sign.key.location}, issuer {@link ServiceIdentity#ISSUER}, the called service as audience (a
 * token for one service is refused by the others), the caller's principal ({@code upn}) and role ({@code groups}),
 * valid for {@code georisk.gateway.service-token.lifetime}.
 * <p>
 * An RSA signature costs about a millisecond of CPU, more than the rest of a forwarded single-event request, so a
 * token is reused for the same (audience, principal, role) while less than {@code service-token.reuse} of its life
 * has passed; every token a service receives still has at least lifetime − reuse left (docs/security.md).
 */
@ApplicationScoped
public class ServiceTokenSigner {

    private record Signed(String token, Instant renewAfter) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final GatewayConfig config;
    private final Map<String, Signed> recent = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    public ServiceTokenSigner(GatewayConfig config) {
        this.config = config;
    }

    /** The token for a call on behalf of {@code caller}, or of the gateway itself when there is none yet. */
    public String sign(String audience, Caller caller) {
        String principal = caller == null ? ServiceIdentity.GATEWAY_PRINCIPAL : caller.principal();
        String role = caller == null ? ServiceIdentity.GATEWAY : caller.role().name();
        String key = audience + '\n' + principal + '\n' + role;
        Instant now = clock.instant();
        Signed signed = recent.get(key);
        if (signed == null || !now.isBefore(signed.renewAfter())) {
            signed = new Signed(newToken(audience, principal, role, now), now.plus(config.serviceToken().reuse()));
            if (recent.size() >= MAX_ENTRIES) {
                recent.clear();
            }
            recent.put(key, signed);
        }
        return signed.token();
    }

    /** Package-private for the reuse test, which counts signatures. */
    String newToken(String audience, String principal, String role, Instant now) {
        return Jwt.issuer(ServiceIdentity.ISSUER)
                .audience(audience)
                .upn(principal)
                .groups(role)
                .issuedAt(now)
                .expiresAt(now.plus(config.serviceToken().lifetime()))
                .sign();
    }
}
