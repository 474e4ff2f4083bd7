package org.georisk.testkit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Probes /q/health/ready the way a Kubernetes readiness probe does: every answer must come within
 * {@link #PROBE_TIMEOUT} (the probe contract of docs/operations.md, "Endpoints"; probes use 1–5 s, so 5 s keeps a
 * loaded machine from failing a check that answers in milliseconds), and the status is polled until it is the
 * one expected.
 */
public final class ReadinessProbe {

    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI ready;

    public ReadinessProbe(URI ready) {
        this.ready = ready;
    }

    /**
     * Probes until readiness has the status and returns that answer's body.
     *
     * @throws AssertionError when an answer takes longer than the probe timeout or the status does not come in time
     */
    public String await(int status, Duration within, String when) {
        long begun = System.nanoTime();
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            // an AssertionError of probe() (no answer in time) ends the wait at once
            HttpResponse<String> answer = Awaitility.await().atMost(within).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        last.set(probe(when));
                        return last.get();
                    }, a -> a.statusCode() == status);
            System.out.printf("[readiness] %s: %d after %d ms%n", when, status, millisSince(begun));
            return answer.body();
        } catch (ConditionTimeoutException e) {
            HttpResponse<String> answer = last.get();
            throw new AssertionError("readiness " + when + " is not " + status + " after " + within.toSeconds()
                    + " s; last answer: " + (answer == null ? "none" : answer.statusCode() + " " + answer.body()));
        }
    }

    private HttpResponse<String> probe(String when) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(PROBE_TIMEOUT).GET().build();
        long sent = System.nanoTime();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("readiness " + when + " gave no answer within the probe timeout of "
                    + PROBE_TIMEOUT.toSeconds() + " s (waited " + millisSince(sent) + " ms)");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
