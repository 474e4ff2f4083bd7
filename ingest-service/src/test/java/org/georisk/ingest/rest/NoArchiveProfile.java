package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The archive consumer switched off: the archive never stores anything, as when it lags far behind. */
public class NoArchiveProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.events-archive.enabled", "false");
    }
}
