package org.georisk.systest;

import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No key or webhook secret ends up in a log (docs/security.md): after the development keys were used by the earlier
 * tests and a new ops key and a webhook secret were made here, no log of this run (four services, broker) contains
 * any of them. Runs after the other tests, before the broker outage.
 */
@SystemTest
@Order(99)
class SecretsInLogsIT {

    private final GeoRiskSystem system;
    private final Gateway gateway;

    SecretsInLogsIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
    }

    @Test
    void noKeyAndNoWebhookSecretIsLogged() throws IOException {
        String webhookSecret = "whsec-" + UUID.randomUUID();
        Response subscribed = gateway.as(GeoRiskSystem.ANALYST_KEY).contentType("application/json")
                .body(("{\"name\":\"log-scan\",\"pairs\":[\"AND-SMR\"],\"rules\":[{\"kind\":\"NEW_PAIR\"}],"
                        + "\"webhook\":{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"" + webhookSecret + "\"}}")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/subscriptions");
        assertEquals(201, subscribed.statusCode(), subscribed.asString());
        Response created = gateway.as(GeoRiskSystem.OPS_KEY).contentType("application/json")
                .body("{\"name\":\"log-scan-ops\",\"role\":\"ops\"}".getBytes(StandardCharsets.UTF_8))
                .post("/ops/keys");
        assertEquals(201, created.statusCode(), created.asString());
        String newKey = Gateway.parse(created.asString()).path("key").asText();
        assertFalse(newKey.isBlank());
        // the new key is used once, so a log line of a request with it would be there
        assertEquals(200, gateway.as(newKey).get("/ops/keys").statusCode());

        List<String> secrets = List.of(GeoRiskSystem.FEED_KEY, GeoRiskSystem.ANALYST_KEY, GeoRiskSystem.OPS_KEY,
                webhookSecret, newKey);
        List<String> found = new ArrayList<>();
        List<Path> logs;
        try (Stream<Path> files = Files.list(system.logsDir())) {
            logs = files.filter(f -> f.toString().endsWith(".log")).toList();
        }
        assertTrue(logs.size() >= 5, "the logs of the broker and the four services: " + logs);
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8); // lenient with stray bytes
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    found.add(secret + " in " + log.getFileName());
                }
            }
        }
        assertTrue(found.isEmpty(), "secrets in logs: " + found);
    }
}
