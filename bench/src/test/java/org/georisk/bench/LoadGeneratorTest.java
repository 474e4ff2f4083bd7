package org.georisk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The load generator against a stand-in gateway (the JDK's HTTP server) that refuses the first attempt of some
 * requests: every event ends up acknowledged once, and a retry carries the same externalIds as the first attempt.
 */
class LoadGeneratorTest {

    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\":\"([^\"]+)\"");

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void singleEventsRefusedWith429AreRetriedUnderTheSameExternalId() throws Exception {
        String gateway = serve(ids -> ids.get(0).endsWith("0") || ids.get(0).endsWith("5") ? 429 : 202);

        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(gateway, "key", 0, 1, 4, 30,
                Duration.ofSeconds(30), Duration.ofSeconds(30), "t-single", true), null);
        LoadResult result = generator.run();

        assertEquals(30, result.events());
        assertEquals(30, result.accepted());
        assertEquals(0, result.unacknowledged());
        assertEquals(6, result.throttled(), "externalIds ending in 0 or 5 are refused once");
        assertEquals(30, attempts.size(), "the retries carried no new externalId");
        assertEquals(36, requests.get());
        assertEquals(30, generator.acknowledged().count());
    }

    @Test
    void bulkRequestsAnswered503AreRetriedAndEveryAcknowledgedIdIsWritten(@TempDir Path dir) throws Exception {
        String gateway = serve(ids -> ids.get(0).endsWith("-0") ? 503 : 200);

        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(gateway, "key", 0, 10, 2, 25,
                Duration.ofSeconds(30), Duration.ofSeconds(30), "t-bulk", true), null);
        LoadResult result = generator.run();
        generator.acknowledged().write(dir.resolve("acked.txt"));

        assertEquals(25, result.accepted());
        assertEquals(1, result.serverErrors(), "the first request (events 0-9) is refused once");
        assertEquals(4, requests.get(), "3 requests of <= 10 lines, one of them twice");
        assertEquals(25, Files.readAllLines(dir.resolve("acked.txt")).stream().distinct().count());
    }

    /** Answers each request with the status the rule picks for its externalIds, the first time; 2xx afterwards. */
    private String serve(java.util.function.ToIntFunction<List<String>> firstAttempt) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/events", exchange -> answer(exchange, firstAttempt));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, java.util.function.ToIntFunction<List<String>> firstAttempt)
            throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean bulk = exchange.getRequestHeaders().getFirst("Content-Type").contains("ndjson");
        Matcher m = EXTERNAL_ID.matcher(body);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        boolean first = attempts.merge(ids.get(0), 1, Integer::sum) == 1;
        ids.subList(1, ids.size()).forEach(id -> attempts.merge(id, 1, Integer::sum));
        int status = first ? firstAttempt.applyAsInt(ids) : bulk ? 200 : 202;
        String answer;
        if (status >= 400) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            answer = "{\"status\":" + status + "}";
        } else if (bulk) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                lines.append(i == 0 ? "" : ",").append("{\"line\":").append(i + 1).append(",\"status\":\"ACCEPTED\",\"eventId\":\"")
                        .append(UUID.nameUUIDFromBytes(ids.get(i).getBytes(StandardCharsets.UTF_8))).append("\"}");
            }
            answer = "{\"read\":" + ids.size() + ",\"accepted\":" + ids.size() + ",\"lines\":[" + lines + "]}";
        } else {
            answer = "{\"eventId\":\"" + UUID.nameUUIDFromBytes(ids.get(0).getBytes(StandardCharsets.UTF_8)) + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
