package org.georisk.systest;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml exposes only the gateway (issue 11, docs/security.md): no other service publishes or exposes a
 * port, everything but the gateway and notification-service (webhooks) is only on the internal network, PostgreSQL
 * needs passwords. The optional monitoring profile (Prometheus, Grafana) publishes on the host's loopback only.
 * Reads the file itself (anchors and merge keys resolved by the YAML parser), so CI needs no Docker.
 * Not a {@code @SystemTest}: it needs no running system.
 */
class ComposeExposureIT {

    private static final Path COMPOSE = Path.of(System.getProperty("georisk.root", ".."), "docker-compose.yml");
    private static final List<String> MONITORING = List.of("grafana", "prometheus");

    @Test
    void onlyTheGatewayPublishesAPort() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> published = new TreeMap<>();
        services.forEach((name, service) -> {
            if (MONITORING.contains(name)) {
                return; // optional, loopback only: monitoringIsOptionalAndPublishesOnLoopbackOnly
            }
            if (service.containsKey("ports") || service.containsKey("expose")) {
                published.put(name, service.getOrDefault("ports", service.get("expose")));
            }
            assertFalse("host".equals(service.get("network_mode")), name + " must not use the host's network");
        });
        assertEquals(List.of("api-gateway"), List.copyOf(published.keySet()), "services with ports: " + published);
        assertEquals(List.of("8080:8080"), published.get("api-gateway"));
    }

    @Test
    void monitoringIsOptionalAndPublishesOnLoopbackOnly() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Map<String, Object>> profiled = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service.containsKey("profiles")) {
                profiled.put(name, service);
            }
        });
        assertEquals(MONITORING, List.copyOf(profiled.keySet()), "the services of a profile");
        profiled.forEach((name, service) -> {
            assertEquals(List.of("monitoring"), service.get("profiles"), name + " only in the monitoring profile");
            assertFalse(service.containsKey("expose"), name + " exposes nothing beyond its published port");
            for (Object port : (List<?>) service.get("ports")) {
                assertTrue(String.valueOf(port).startsWith("127.0.0.1:"), name + " publishes on loopback only: " + port);
            }
            assertTrue(String.valueOf(service.get("image")).matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+"),
                    name + " runs a pinned image version: " + service.get("image"));
        });
    }

    @Test
    void theBackendNetworkIsInternalAndOnlyGatewayAndWebhooksLeaveIt() throws IOException {
        Map<String, Object> networks = section("networks");
        @SuppressWarnings("unchecked")
        Map<String, Object> backend = (Map<String, Object>) networks.get("backend");
        assertEquals(Boolean.TRUE, backend.get("internal"), "the backend network has no route out");
        services().forEach((name, service) -> {
            List<?> joined = (List<?>) service.get("networks");
            List<?> expected = switch (name) {
                case "api-gateway" -> List.of("backend", "edge");
                case "notification-service" -> List.of("backend", "egress");
                // Prometheus scrapes on backend; Grafana reads only Prometheus
                case "prometheus" -> List.of("backend", "monitoring");
                case "grafana" -> List.of("monitoring");
                default -> List.of("backend");
            };
            assertEquals(expected, joined, name + "'s networks");
        });
    }

    @Test
    void postgresNeedsPasswordsAndEachServiceHasItsOwnUser() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<?, ?> postgres = (Map<?, ?>) services.get("postgres").get("environment");
        assertEquals("scram-sha-256", postgres.get("POSTGRES_HOST_AUTH_METHOD"));
        assertNotEquals("trust", postgres.get("POSTGRES_HOST_AUTH_METHOD"));
        for (String service : List.of("ingest-service", "assessment-service", "notification-service", "api-gateway")) {
            Map<?, ?> env = (Map<?, ?>) services.get(service).get("environment");
            String user = String.valueOf(env.get("GEORISK_DB_USER"));
            assertTrue(String.valueOf(env.get("GEORISK_DB_URL")).endsWith("/" + user),
                    service + " connects to its own database as its own user " + user);
            assertNotEquals("postgres", user, service + " does not use the superuser");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) section("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml(options).load(in);
            return (Map<String, Object>) compose.get(name);
        }
    }
}
