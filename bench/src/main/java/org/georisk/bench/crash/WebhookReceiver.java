package org.georisk.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscriber's end of the crash test: a webhook on 127.0.0.1 that answers 204 and counts every delivery by
 * alertId and by pair. A count above one is an alert delivered twice; an alert on georisk.alerts for the subscription
 * that never arrives is one not delivered at all.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> byAlertId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byPair = new ConcurrentHashMap<>();
    private final AtomicInteger unreadable = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/alerts", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                JsonNode alert = JSON.readTree(body);
                byAlertId.computeIfAbsent(alert.path("alertId").asText(), k -> new AtomicInteger()).incrementAndGet();
                byPair.computeIfAbsent(alert.path("pair").asText(), k -> new AtomicInteger()).incrementAndGet();
            } catch (IOException e) {
                unreadable.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** alertId → deliveries. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> m = new TreeMap<>();
        byAlertId.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** pair → deliveries. */
    Map<String, Integer> perPair() {
        Map<String, Integer> m = new TreeMap<>();
        byPair.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    int unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
