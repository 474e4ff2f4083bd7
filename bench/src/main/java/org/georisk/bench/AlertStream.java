package org.georisk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A live SSE client of {@code GET /api/v1/stream/alerts}: records, for each wanted pair, the time from the
 * sending of its last POST ({@link #posted}) to its first alert here (one clock: this JVM's nanoTime).
 */
final class AlertStream implements AutoCloseable {

    private static final Pattern PAIR = Pattern.compile("\"pair\"\\s*:\\s*\"([A-Z0-9]+-[A-Z0-9]+)\"");
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern LEVEL = Pattern.compile("\"level\"\\s*:\\s*\"([A-Z]+)\"");

    private final Set<String> wanted;
    private final Map<String, Long> lastPostAt = new ConcurrentHashMap<>();
    final Map<String, Double> latencyMs = new ConcurrentHashMap<>();
    final Map<String, String> kinds = new ConcurrentHashMap<>();
    final AtomicInteger early = new AtomicInteger(), foreign = new AtomicInteger();
    private final CountDownLatch connected = new CountDownLatch(1);
    private Stream<String> lines;

    AlertStream(Set<String> wanted) {
        this.wanted = wanted;
    }

    /** Opens the stream and waits (at most 30 s) for the gateway's ": connected" comment; false if it did not come. */
    boolean open(HttpClient http, String base, String analystKey) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream/alerts"))
                .header("Accept", "text/event-stream").header("X-API-Key", analystKey).GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the SSE stream answered HTTP " + response.statusCode());
        }
        lines = response.body();
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return connected.await(30, TimeUnit.SECONDS);
    }

    void posted(String pair, long nanos) {
        lastPostAt.put(pair, nanos);
    }

    /** Waits until the pair's alert came, at most waitS seconds. */
    boolean await(String pair, long waitS) throws InterruptedException {
        return awaitCount(() -> latencyMs.containsKey(pair), waitS);
    }

    boolean awaitAll(int count, long waitS) throws InterruptedException {
        return awaitCount(() -> latencyMs.size() >= count, waitS);
    }

    private boolean awaitCount(java.util.function.BooleanSupplier done, long waitS) throws InterruptedException {
        long deadline = System.nanoTime() + waitS * 1_000_000_000L;
        synchronized (this) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    private void read() {
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                long now = System.nanoTime();
                if (line.startsWith(":")) {
                    if (line.contains("connected")) {
                        connected.countDown();
                    }
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && data.length() > 0) {
                    alert(data.toString(), now);
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed by close(), or the server went away: the waits time out and the report says what came
        }
    }

    private void alert(String json, long now) {
        Matcher m = PAIR.matcher(json);
        String pair = m.find() ? m.group(1) : null;
        if (pair == null || !wanted.contains(pair)) {
            foreign.incrementAndGet();
            return;
        }
        if (latencyMs.containsKey(pair)) {
            return;
        }
        Long sent = lastPostAt.get(pair);
        if (sent == null) {
            early.incrementAndGet(); // an alert before the pair's last post: not a measurement
            return;
        }
        Matcher k = KIND.matcher(json);
        Matcher l = LEVEL.matcher(json);
        kinds.put(pair, (k.find() ? k.group(1) : "?") + " to " + (l.find() ? l.group(1) : "?"));
        latencyMs.put(pair, (now - sent) / 1e6);
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
