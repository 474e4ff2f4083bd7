package org.georisk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of the gateway's readiness checks (application.properties, prefix {@code georisk.gateway.health}). */
@ConfigMapping(prefix = "georisk.gateway.health")
public interface HealthConfig {

    /**
     * How long the Kafka readiness check waits for the broker before it answers DOWN. Shorter than a readiness
     * probe's timeout (Kubernetes: 1–5 s), so that with the broker away the probe gets DOWN rather than no answer.
     */
    @WithDefault("2s")
    Duration kafkaTimeout();
}
