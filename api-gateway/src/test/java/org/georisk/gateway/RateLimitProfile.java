package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A tight rate limit: a burst of three, then one request every hundred seconds (slow enough for a loaded machine). */
public class RateLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "georisk.gateway.rate-limit.requests-per-second", "0.01",
                "georisk.gateway.rate-limit.burst", "3");
    }
}
