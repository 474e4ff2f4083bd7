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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.cluster.yml has the shape of {@code ./georisk start --cluster} (docs/scaling.md): three brokers that
 * all list the same three voters, three copies with min ISR 2, two instances of each service under the service's
 * name as network alias, and only the balancer publishes a port. CI also runs {@code docker-compose config -q} on it
 * (.ci/run); this reads the file itself, anchors and merge keys resolved by the YAML parser.
 */
class ComposeClusterIT {

    private static final Path COMPOSE = Path.of(System.getProperty("georisk.root", ".."), "docker-compose.cluster.yml");

    @Test
    void threeBrokersReplicateThreeTimesWithMinIsrTwo() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (int n = 1; n <= 3; n++) {
            Map<?, ?> env = (Map<?, ?>) services.get("kafka-" + n).get("environment");
            assertEquals(n, env.get("KAFKA_NODE_ID"));
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertEquals(3, env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"));
            assertEquals(2, env.get("KAFKA_MIN_INSYNC_REPLICAS"));
            assertEquals(2, env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
        }
    }

    @Test
    void twoInstancesOfEachServiceShareTheirServiceNameAndOnlyTheBalancerPublishes() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String service : GeoRiskSystem.SERVICES) {
            for (int n = 1; n <= 2; n++) {
                Map<String, Object> instance = services.get(service + "-" + n);
                assertTrue(instance != null, service + "-" + n + " is defined");
                assertTrue(String.valueOf(((Map<?, ?>) instance.get("environment")).get("QUARKUS_PROFILE"))
                        .contains("cluster"), service + "-" + n + " runs the cluster profile");
                if (!service.equals("api-gateway")) {
                    Map<?, ?> backend = (Map<?, ?>) ((Map<?, ?>) instance.get("networks")).get("backend");
                    assertEquals(List.of(service), backend.get("aliases"), service + "-" + n + "'s alias");
                }
            }
        }
        Map<String, Object> published = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service.containsKey("ports") || service.containsKey("expose")) {
                published.put(name, service.getOrDefault("ports", service.get("expose")));
            }
        });
        assertEquals(Map.of("gateway-balancer", List.of("8080:8080")), published);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml(options).load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }
}
