package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A production-like start (no development keys) with a bootstrap ops key configured. */
public class BootstrapProfile implements QuarkusTestProfile {

    static final String KEY = "bootstrap-test-key-7f3a9c2e51d04b8a";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("georisk.gateway.bootstrap-ops-key", KEY);
    }
}
