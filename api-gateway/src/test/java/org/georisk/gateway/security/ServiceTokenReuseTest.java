package org.georisk.gateway.security;

import org.georisk.contracts.Role;
import org.georisk.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** One signature serves one (audience, principal, role) for the reuse window, and no longer. */
class ServiceTokenReuseTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    /** Counts signatures instead of making them; the claims logic is what the reuse must not change. */
    private static final class CountingSigner extends ServiceTokenSigner {
        final AtomicInteger signed = new AtomicInteger();

        CountingSigner() {
            super(config(Duration.ofSeconds(60), Duration.ofSeconds(20)));
        }

        @Override
        String newToken(String audience, String principal, String role, Instant now) {
            return audience + "/" + principal + "/" + role + "/" + now + "#" + signed.incrementAndGet();
        }
    }

    private static GatewayConfig config(Duration lifetime, Duration reuse) {
        GatewayConfig.ServiceToken token = (GatewayConfig.ServiceToken) Proxy.newProxyInstance(
                ServiceTokenReuseTest.class.getClassLoader(), new Class<?>[]{GatewayConfig.ServiceToken.class},
                (p, m, a) -> m.getName().equals("lifetime") ? lifetime : reuse);
        return (GatewayConfig) Proxy.newProxyInstance(ServiceTokenReuseTest.class.getClassLoader(),
                new Class<?>[]{GatewayConfig.class}, (p, m, a) -> {
                    if (m.getName().equals("serviceToken")) {
                        return token;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void at(ServiceTokenSigner signer, Instant now) {
        signer.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Test
    void aTokenIsReusedWithinTheWindowAndRenewedAfterIt() {
        CountingSigner signer = new CountingSigner();
        Caller feed = new Caller("gdelt", Role.FEED, "hash");
        at(signer, T0);
        String first = signer.sign("ingest-service", feed);
        at(signer, T0.plusSeconds(19));
        assertEquals(first, signer.sign("ingest-service", feed));
        assertEquals(1, signer.signed.get());
        at(signer, T0.plusSeconds(20));
        assertNotEquals(first, signer.sign("ingest-service", feed));
        assertEquals(2, signer.signed.get());
    }

    @Test
    void anotherAudiencePrincipalOrRoleGetsItsOwnToken() {
        CountingSigner signer = new CountingSigner();
        at(signer, T0);
        String feed = signer.sign("ingest-service", new Caller("gdelt", Role.FEED, "h1"));
        String otherService = signer.sign("assessment-service", new Caller("gdelt", Role.FEED, "h1"));
        String otherFeed = signer.sign("ingest-service", new Caller("acled", Role.FEED, "h2"));
        String gateway = signer.sign("ingest-service", null);
        assertEquals(4, java.util.Set.of(feed, otherService, otherFeed, gateway).size());
        assertEquals(4, signer.signed.get());
    }
}
