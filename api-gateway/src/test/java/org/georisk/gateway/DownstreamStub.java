package org.georisk.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Stands in for ingest-, assessment- and notification-service (their paths do not overlap): a JDK HttpServer on a
 * random port. What it answers depends only on the request, so tests steer it by path:
 * <ul>
 *   <li>{@code POST /feeds/authenticate}: {@value #FEED_KEY} is feed {@value #FEED_NAME} (1,000/s),
 *       {@value #SLOW_FEED_KEY} is feed {@value #SLOW_FEED_NAME} (burst 2, 0.01/s), any other key 401;</li>
 *   <li>a path with {@code BAD}: 400 problem+json; with {@code BUSY}: 503 problem+json and Retry-After: 7;
 *       with {@code UNREACHABLE}: the connection is dropped without an answer;</li>
 *   <li>no valid service token for the path's service (testkit's key pair): 401, as the services answer;</li>
 *   <li>anything else: an echo of what arrived (method, path, query, content type, body, the token's principal and
 *       role, any X-GeoRisk-Role header) with 202 for POST /events, 201 and a Location for POST /subscriptions, 204 for DELETE.</li>
 * </ul>
 */
public class DownstreamStub implements QuarkusTestResourceLifecycleManager {

    public static final String FEED_KEY = "feed-key-good";
    public static final String FEED_NAME = "stub-feed";
    /** A feed whose own rate limit (set in ingest's registry) is 2 requests, then one per 100 s. */
    public static final String SLOW_FEED_KEY = "feed-key-slow";
    public static final String SLOW_FEED_NAME = "slow-feed";
    public static final String BAD_PROBLEM = "{\"type\":\"https://georisk.org/problems/invalid-request\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"stub refused it\","
            + "\"errors\":[{\"field\":\"pair\",\"reason\":\"unknown pair\"}]}";

    private static HttpServer server;

    private static synchronized String url() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", DownstreamStub::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public Map<String, String> start() {
        try {
            String url = url();
            return Map.of(
                    "quarkus.rest-client.ingest.url", url,
                    "quarkus.rest-client.assessment.url", url,
                    "quarkus.rest-client.notification.url", url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // shared by every test profile of this JVM
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.contains("UNREACHABLE")) {
            exchange.close();
            return;
        }
        // as the real services do: nothing without a valid service token for the service the path belongs to
        Optional<StubTokenCheck.Claims> token = StubTokenCheck.verify(
                exchange.getRequestHeaders().getFirst("Authorization"), StubTokenCheck.audienceOf(path));
        if (token.isEmpty()) {
            send(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        if (path.equals("/feeds/authenticate")) {
            if (!"GATEWAY".equals(token.get().role())) {
                send(exchange, 403, "application/problem+json", "{\"title\":\"Forbidden\",\"status\":403}");
                return;
            }
            if (text.contains("\"" + FEED_KEY + "\"")) {
                send(exchange, 200, "application/json",
                        "{\"feed\":\"" + FEED_NAME + "\",\"requestsPerSecond\":1000,\"burst\":5000}");
            } else if (text.contains("\"" + SLOW_FEED_KEY + "\"")) {
                send(exchange, 200, "application/json",
                        "{\"feed\":\"" + SLOW_FEED_NAME + "\",\"requestsPerSecond\":0.01,\"burst\":2}");
            } else {
                send(exchange, 401, "application/problem+json",
                        "{\"title\":\"Unauthenticated\",\"status\":401}");
            }
            return;
        }
        if (path.contains("BAD")) {
            send(exchange, 400, "application/problem+json", BAD_PROBLEM);
            return;
        }
        if (path.contains("BUSY")) {
            exchange.getResponseHeaders().add("Retry-After", "7");
            send(exchange, 503, "application/problem+json",
                    "{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"broker slow\"}");
            return;
        }
        if (method.equals("DELETE")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        int status = 200;
        if (method.equals("POST") && path.equals("/events")
                && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
            status = 202;
        } else if (method.equals("POST") && path.equals("/feeds")) {
            status = 201;
            exchange.getResponseHeaders().add("Location", "/feeds/new-feed");
        } else if (method.equals("POST") && path.equals("/subscriptions")) {
            status = 201;
            exchange.getResponseHeaders().add("Location", "http://notification.internal:8083/subscriptions/abc");
        }
        String echo = "{\"method\":\"" + method + "\",\"path\":\"" + path + "\""
                + ",\"query\":" + quote(exchange.getRequestURI().getRawQuery())
                + ",\"contentType\":" + quote(exchange.getRequestHeaders().getFirst("Content-Type"))
                + ",\"principal\":" + quote(token.get().principal())
                + ",\"role\":" + quote(token.get().role())
                + ",\"roleHeader\":" + quote(exchange.getRequestHeaders().getFirst("X-GeoRisk-Role"))
                + ",\"apiKey\":" + quote(exchange.getRequestHeaders().getFirst("X-API-Key"))
                + ",\"bodyLength\":" + body.length
                + ",\"body\":" + quote(body.length < 4096 ? text : null) + "}";
        send(exchange, status, "application/json", echo);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
