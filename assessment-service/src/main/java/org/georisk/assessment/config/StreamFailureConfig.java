package org.georisk.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often a failed stream thread is replaced before the stream gives up (stream.StreamFailurePolicy). */
@ConfigMapping(prefix = "georisk.stream.failures")
public interface StreamFailureConfig {

    /** Thread replacements allowed within {@link #window()}; one more shuts the stream down (liveness DOWN). */
    @WithDefault("5")
    int maxReplacements();

    @WithDefault("PT10M")
    Duration window();
}
