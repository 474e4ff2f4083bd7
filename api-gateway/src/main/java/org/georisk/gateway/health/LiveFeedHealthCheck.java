package org.georisk.gateway.health;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.georisk.gateway.stream.LiveFeedConsumer;

/** Ready once this instance reads the alert and assessment topics, so live clients get what is raised. */
@Readiness
public class LiveFeedHealthCheck implements HealthCheck {

    @Inject
    LiveFeedConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live-feed").status(consumer.isAssigned()).build();
    }
}
