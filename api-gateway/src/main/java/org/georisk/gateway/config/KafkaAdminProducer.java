package org.georisk.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** The Kafka Admin client behind the ops views, on the same bootstrap servers as everything else. */
@ApplicationScoped
public class KafkaAdminProducer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Produces
    @ApplicationScoped
    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "georisk-gateway-ops",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    void close(@Disposes Admin admin) {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
