package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A tight rate limit (a burst of three, then one request every hundred seconds, slow enough for a loaded machine),
 * a tight failed-authentication throttle (five failures per address, then one every hundred seconds) and development keys configured as the local profile configures them, here with an overridden analyst key.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    static final String DEV_ANALYST_KEY = "overridden-dev-analyst-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "georisk.gateway.rate-limit.requests-per-second", "0.01",
                "georisk.gateway.rate-limit.burst", "3",
                "georisk.gateway.failed-auth.burst", "5",
                "georisk.gateway.failed-auth.per-minute", "0.6",
                "georisk.gateway.dev-keys.analyst", DEV_ANALYST_KEY,
                "georisk.gateway.dev-keys.ops", "dev-ops-key");
    }
}
