package org.georisk.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.georisk.gateway.config.HealthConfig;

import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ready while the broker answers: the live push and the ops views need it. The question has a deadline
 * ({@code georisk.gateway.health.kafka-timeout}) so that a probe gets DOWN within its own timeout while the broker is
 * away; the extension's check (quarkus.kafka.health.enabled, off) waited for its admin client's 60 s default.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements HealthCheck {

    private final Admin admin;
    private final HealthConfig config;

    public KafkaBrokerHealthCheck(Admin admin, HealthConfig config) {
        this.admin = admin;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-broker");
        long timeoutMs = config.kafkaTimeout().toMillis();
        try {
            // The call's own deadline ends it inside the client; the bounded get() is the guarantee.
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            // a count, not the brokers' addresses: /q/health is public at the gateway (docs/security.md)
            return response.up().withData("nodes", nodes.size()).build();
        } catch (ExecutionException e) {
            return response.down().withData("reason", "the broker could not be asked").build();
        } catch (TimeoutException e) {
            return response.down().withData("reason", "no answer from the broker within " + timeoutMs + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
    }
}
