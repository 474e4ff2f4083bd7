package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * Spans exported to {@link RecordedSpans} within a tenth of a second instead of nowhere (the service's default
 * exporter is {@code none}); the exporter type is build-time configuration, hence a profile of its own.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RecordedSpans.class);
    }
}
