package org.georisk.assessment.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The scoring stream's state in readiness. The kafka-streams extension puts the same state in liveness and, in
 * readiness, only whether the topics exist; an instance whose stream died (ERROR, NOT_RUNNING) serves stale
 * assessments and must leave the load balancer, so the state goes into readiness too. REBALANCING counts as ready:
 * it is short and every instance goes through it on a rolling deploy.
 */
@Readiness
@ApplicationScoped
public class KafkaStreamsReadiness implements HealthCheck {

    private final KafkaStreams streams;

    public KafkaStreamsReadiness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("Kafka Streams state (readiness)")
                .status(state.isRunningOrRebalancing())
                .withData("state", state.name())
                .build();
    }
}
