package org.georisk.gateway;

import io.restassured.specification.RequestSpecification;
import org.georisk.contracts.Role;

import java.util.List;

import static io.restassured.RestAssured.given;

/** One public path of the gateway and the role docs/contracts.md gives it. */
public record Endpoint(String method, String path, Role role, String contentType, String body, boolean streaming) {

    static Endpoint of(String method, String path, Role role) {
        return new Endpoint(method, path, role, null, null, false);
    }

    static Endpoint withBody(String method, String path, Role role, String contentType, String body) {
        return new Endpoint(method, path, role, contentType, body, false);
    }

    static Endpoint stream(String path) {
        return new Endpoint("GET", path, Role.ANALYST, null, null, true);
    }

    /** Every /api/v1 path the gateway serves over HTTP (the WebSocket is tested on its own). */
    static List<Endpoint> all() {
        return List.of(
                withBody("POST", "/api/v1/events", Role.FEED, "application/json", "{\"externalId\":\"1\"}"),
                withBody("POST", "/api/v1/events", Role.FEED, "application/x-ndjson", "{}\n{}\n"),
                withBody("POST", "/api/v1/events/gdelt", Role.FEED, "text/tab-separated-values", "1\t2\n"),
                withBody("POST", "/api/v1/events/gdelt", Role.FEED, "application/zip", "PK"),
                of("GET", "/api/v1/events?pair=AZE-RUS", Role.ANALYST),
                of("GET", "/api/v1/assessments", Role.ANALYST),
                of("GET", "/api/v1/assessments/AZE-RUS", Role.ANALYST),
                of("GET", "/api/v1/assessments/AZE-RUS/history", Role.ANALYST),
                withBody("POST", "/api/v1/subscriptions", Role.ANALYST, "application/json", "{\"name\":\"watch\"}"),
                of("GET", "/api/v1/subscriptions", Role.ANALYST),
                of("GET", "/api/v1/subscriptions/abc", Role.ANALYST),
                of("DELETE", "/api/v1/subscriptions/abc", Role.ANALYST),
                of("GET", "/api/v1/alerts?pair=AZE-RUS", Role.ANALYST),
                stream("/api/v1/stream/alerts"),
                stream("/api/v1/stream/assessments"),
                of("GET", "/api/v1/ops/consumers", Role.OPS),
                of("GET", "/api/v1/ops/topics", Role.OPS),
                of("GET", "/api/v1/ops/feeds", Role.OPS),
                withBody("POST", "/api/v1/ops/feeds", Role.OPS, "application/json", "{\"name\":\"f\"}"),
                of("POST", "/api/v1/ops/feeds/some-feed/key", Role.OPS),
                of("DELETE", "/api/v1/ops/feeds/some-feed", Role.OPS),
                withBody("PUT", "/api/v1/ops/feeds/some-feed/rate-limit", Role.OPS, "application/json",
                        "{\"requestsPerSecond\":10,\"burst\":20}"),
                of("DELETE", "/api/v1/ops/feeds/some-feed/rate-limit", Role.OPS),
                of("GET", "/api/v1/ops/keys", Role.OPS),
                // a fresh name per list, so the one call that gets through creates a key rather than hitting a 409
                withBody("POST", "/api/v1/ops/keys", Role.OPS, "application/json",
                        "{\"name\":\"probe-" + System.nanoTime() + "\",\"role\":\"analyst\"}"),
                of("GET", "/api/v1/ops/keys/" + TestKeys.OPS_OWNER, Role.OPS),
                of("DELETE", "/api/v1/ops/keys/" + TestKeys.DELETABLE_NAME, Role.OPS),
                of("GET", "/api/v1/ops/dead-letters", Role.OPS),
                of("POST", "/api/v1/ops/dead-letters/abc/resend", Role.OPS));
    }

    /** A request for this endpoint with the given key (none when null). */
    RequestSpecification request(String key) {
        RequestSpecification request = given().redirects().follow(false);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request;
    }

    io.restassured.response.Response call(String key) {
        RequestSpecification request = request(key);
        return switch (method) {
            case "GET" -> request.get(path);
            case "POST" -> request.post(path);
            case "PUT" -> request.put(path);
            case "DELETE" -> request.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Override
    public String toString() {
        return method + " " + path + (contentType == null ? "" : " (" + contentType + ")") + " [" + role + "]";
    }
}
