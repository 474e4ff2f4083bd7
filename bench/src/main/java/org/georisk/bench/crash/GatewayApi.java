package org.georisk.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the crash test reads and creates through the public interface, as an analyst: its subscription, every pair's
 * assessment, the archived events of a pair. A 429 is waited out (Retry-After) and asked again, since reading 200,000
 * archived events takes hundreds of pages under the key's rate limit.
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final String base;
    private final String analystKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayApi(String gateway, String analystKey) {
        this.base = gateway + "/api/v1";
        this.analystKey = analystKey;
    }

    /** A subscription to every pair (level changes, new pairs) with the given cooldown, delivering to the webhook. */
    String subscribe(String name, String webhookUrl, int cooldownMinutes) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("cooldownMinutes", cooldownMinutes);
        body.putArray("rules").add(JSON.createObjectNode().put("kind", "LEVEL_UP"))
                .add(JSON.createObjectNode().put("kind", "LEVEL_DOWN"))
                .add(JSON.createObjectNode().put("kind", "NEW_PAIR"));
        body.putObject("webhook").put("url", webhookUrl).put("secret", "crashtest-webhook-secret-0123456789");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /subscriptions answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** Deletes the subscription, so that no later alert is sent to a receiver that is gone. */
    void unsubscribe(String id) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/subscriptions/" + id)).DELETE());
        if (r.statusCode() != 204 && r.statusCode() != 200) {
            throw new IllegalStateException("DELETE /subscriptions/" + id + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** pair → its assessment, from GET /assessments. */
    Map<String, JsonNode> assessments() throws Exception {
        JsonNode all = get("/assessments");
        JsonNode list = all.isArray() ? all : all.path("items");
        Map<String, JsonNode> byPair = new TreeMap<>();
        list.forEach(a -> byPair.put(a.path("pair").asText(), a));
        return byPair;
    }

    /** eventId → how often GET /events?pair= lists it, over every page. */
    Map<String, Integer> archivedEvents(String pair) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode events = get("/events?pair=" + pair + "&size=" + PAGE + "&page=" + page).path("events");
            events.forEach(e -> ids.merge(e.path("eventId").asText(), 1, Integer::sum));
            if (events.size() < PAGE) {
                return ids;
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.header("X-API-Key", analystKey).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 429 || attempt == 30) {
                return r;
            }
            long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            // the gateway's own Retry-After, bounded: the crash test must not outrun the rate limit it measures
            Thread.sleep(Math.max(1, Math.min(10, seconds)) * 1000);
        }
    }
}
