package org.georisk.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

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
    public String await(int status, Duration within, String when) throws Exception {
        long begun = System.nanoTime();
        String last = "no answer";
        while (System.nanoTime() - begun < within.toNanos()) {
            HttpRequest request = HttpRequest.newBuilder(ready).timeout(PROBE_TIMEOUT).GET().build();
            long sent = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == status) {
                    System.out.printf("[readiness] %s: %d after %d ms, this answer took %d ms%n", when, status,
                            millisSince(begun), millisSince(sent));
                    return answer.body();
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (HttpTimeoutException e) {
                throw new AssertionError("readiness " + when + " gave no answer within the probe timeout of "
                        + PROBE_TIMEOUT.toSeconds() + " s (waited " + millisSince(sent) + " ms)");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness " + when + " is not " + status + " after " + within.toSeconds()
                + " s; last answer: " + last);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
