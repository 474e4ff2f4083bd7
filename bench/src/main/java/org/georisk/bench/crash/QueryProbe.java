package org.georisk.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Asks for a few pairs' latest assessment, round after round, at every target (the gateway's one address, and each
 * assessment-service instance directly) while the failover test kills things. An answer is wrong when its version
 * or eventCount is below one already seen for that pair (the one-thread order makes every later answer at least as
 * new), or when a pair that was found is suddenly not found; a 5xx or no connection is unavailability, allowed
 * while partitions move, and its longest stretch per target is reported.
 */
public final class QueryProbe implements AutoCloseable {

    /**
     * @param base    up to the pair, e.g. http://127.0.0.1:8080/api/v1/assessments/
     * @param headers fresh headers for each request (a service token expires)
     */
    public record Target(String name, String base, Supplier<Map<String, String>> headers) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ROUND = Duration.ofMillis(500);

    private final List<Target> targets;
    private final List<String> pairs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, long[]> newest = new HashMap<>();
    private final Map<String, Integer> answered = new TreeMap<>();
    private final Map<String, Integer> unavailable = new TreeMap<>();
    private final Map<String, Double> longestUnavailable = new TreeMap<>();
    private final Map<String, Long> unavailableSince = new HashMap<>();
    private final List<String> wrong = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> retired = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopped;

    public QueryProbe(List<Target> targets, List<String> pairs) {
        this.targets = List.copyOf(targets);
        this.pairs = List.copyOf(pairs);
        this.thread = new Thread(this::run, "query-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopped) {
            long next = System.nanoTime() + ROUND.toNanos();
            for (Target target : targets) {
                if (retired.contains(target.name())) {
                    continue;
                }
                for (String pair : pairs) {
                    ask(target, pair);
                }
            }
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    private void ask(Target target, String pair) {
        int status;
        String body = "";
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.base() + pair))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
            target.headers().get().forEach(request::header);
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            body = r.body();
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return;
        }
        synchronized (this) {
            if (retired.contains(target.name())) {
                return; // killed while this request was in flight
            }
            if (status >= 500 || status < 0) {
                unavailable.merge(target.name(), 1, Integer::sum);
                unavailableSince.putIfAbsent(target.name(), System.nanoTime());
                double seconds = (System.nanoTime() - unavailableSince.get(target.name())) / 1e9;
                longestUnavailable.merge(target.name(), seconds, Math::max);
                return;
            }
            unavailableSince.remove(target.name());
            if (status == 429) {
                return; // the key's rate limit: no answer either way
            }
            answered.merge(target.name(), 1, Integer::sum);
            long[] seen = newest.get(pair);
            if (status != 200) {
                if (seen != null) {
                    wrong.add(target.name() + " " + pair + ": HTTP " + status + " after version " + seen[0]);
                }
                return;
            }
            check(target, pair, body, seen);
        }
    }

    private void check(Target target, String pair, String body, long[] seen) {
        try {
            JsonNode a = JSON.readTree(body);
            long version = a.path("version").asLong(-1);
            long count = a.path("eventCount").asLong(-1);
            if (!pair.equals(a.path("pair").asText())) {
                wrong.add(target.name() + " " + pair + ": answered pair " + a.path("pair").asText());
            } else if (seen != null && (version < seen[0] || count < seen[1])) {
                wrong.add(target.name() + " " + pair + ": version " + version + " eventCount " + count
                        + " after version " + seen[0] + " eventCount " + seen[1]);
            } else {
                newest.put(pair, new long[]{version, count});
            }
        } catch (java.io.IOException e) {
            wrong.add(target.name() + " " + pair + ": unreadable answer " + body);
        }
    }

    /** Stops asking a target whose process was killed on purpose: its refusals say nothing about failover. */
    public synchronized void retire(String name) {
        retired.add(name);
        unavailableSince.remove(name);
    }

    public synchronized Map<String, Integer> answered() {
        return new TreeMap<>(answered);
    }

    public synchronized Map<String, Integer> unavailable() {
        return new TreeMap<>(unavailable);
    }

    /** target → the longest run of 5xx or refused connections, in seconds. */
    public synchronized Map<String, Double> longestUnavailableSeconds() {
        return new TreeMap<>(longestUnavailable);
    }

    public List<String> wrong() {
        return new ArrayList<>(wrong);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(15_000);
    }
}
