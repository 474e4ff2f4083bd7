package org.georisk.systest;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A minimal Server-Sent Events reader on java.net.http: collects every event's {@code data} (multi-line data
 * joined with newlines) until closed. {@link #connect} returns once the response headers arrived, i.e. the
 * gateway accepted the subscription.
 */
final class SseClient implements AutoCloseable {

    /** One received event. */
    record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status = -1;

    private SseClient(URI uri, String apiKey) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("X-API-Key", apiKey)
                .GET()
                .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            Thread reader = new Thread(() -> read(r.body()), "sse-" + uri.getPath());
            reader.setDaemon(true);
            reader.start();
        });
    }

    static SseClient connect(String url, String apiKey, Duration headersTimeout) {
        SseClient client = new SseClient(URI.create(url), apiKey);
        try {
            // The status from get()'s own answer: the thenAccept callback that also sets it may run after get()
            // returns (it runs on the completing thread), so reading the field here would race it.
            client.status = client.response.get(headersTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (Exception e) {
            client.close();
            throw new AssertionError("no SSE response headers from " + url + " within " + headersTimeout
                    + " (the gateway should answer 200 text/event-stream at once, before the first event)", e);
        }
        return client;
    }

    int status() {
        return status;
    }

    private void read(Stream<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                }
            }
        } catch (RuntimeException closed) {
            // the stream ends with the connection
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matches; returns it or null after the timeout. */
    Event await(Predicate<Event> matching, Duration timeout) {
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> events.stream().filter(matching).findFirst().orElse(null), java.util.Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
