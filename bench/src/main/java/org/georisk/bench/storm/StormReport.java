package org.georisk.bench.storm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the storm saw: each answer's status (or "reset", "timeout", "no answer") counted overall and per case, the
 * requests that failed it (5xx, no answer), the services that were not ready afterwards and what it found on Kafka.
 * Passed when there is no 5xx, no dropped connection, every service is ready and nothing hostile was published.
 */
public final class StormReport {

    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> perCase = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> protocolRefusals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unhealthy = new ArrayList<>();
    private final List<String> kafka = new ArrayList<>();
    private long requests;
    private double seconds;

    void record(HostileRequest request, RawHttp.Outcome outcome) {
        String key = outcome.answered() ? String.valueOf(outcome.status()) : kind(outcome.failure());
        statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        perCase.computeIfAbsent(request.family() + "/" + request.name(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        boolean prescribed = request.protocolRefusal() && (outcome.status() == 501 || outcome.status() == 505
                || "closed without an answer".equals(outcome.failure()));
        if (prescribed) {
            protocolRefusals.add(request.family() + "/" + request.name() + ": "
                    + (outcome.answered() ? "HTTP " + outcome.status() : outcome.failure()));
        } else if (!outcome.answered() || outcome.status() >= 500) {
            failures.add(request.family() + "/" + request.name() + ": "
                    + (outcome.answered() ? "HTTP " + outcome.status() : outcome.failure()));
        }
    }

    private static String kind(String failure) {
        if (failure.startsWith("reset")) {
            return "reset";
        }
        return failure.startsWith("timeout") ? "timeout" : "no answer";
    }

    void finish(long requests, double seconds, List<String> unhealthy, List<String> kafka) {
        this.requests = requests;
        this.seconds = seconds;
        this.unhealthy.addAll(unhealthy);
        this.kafka.addAll(kafka);
    }

    public boolean passed() {
        return failures.isEmpty() && unhealthy.isEmpty() && kafka.isEmpty();
    }

    /** Status (or reset, timeout, no answer) → count, sorted. */
    public Map<String, Long> statusCounts() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<String> unhealthy() {
        return List.copyOf(unhealthy);
    }

    public List<String> kafkaFindings() {
        return List.copyOf(kafka);
    }

    public long requests() {
        return requests;
    }

    public void print(PrintStream out) {
        out.printf("storm: %d hostile requests in %.1f s%n", requests, seconds);
        out.println("status counts: " + statusCounts());
        out.println("per case:");
        new TreeMap<>(perCase).forEach((name, counts) -> {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((k, v) -> sorted.put(k, v.get()));
            out.printf("  %-40s %s%n", name, sorted);
        });
        section(out, "5xx / dropped connections", failures);
        section(out, "refused by the HTTP layer as RFC 9112 allows (501/505 for a version or coding it does not speak, "
                + "a close for framing it cannot parse; not a failure)", protocolRefusals);
        section(out, "services not ready afterwards", unhealthy);
        section(out, "on georisk.events", kafka);
        out.println(passed() ? "STORM PASSED: no 5xx, no dropped connection, every service ready, nothing hostile on Kafka"
                : "STORM FAILED");
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        synchronized (lines) {
            out.println(title + ": " + (lines.isEmpty() ? "none" : lines.size()));
            lines.stream().limit(20).forEach(l -> out.println("  " + l));
            if (lines.size() > 20) {
                out.println("  ... " + (lines.size() - 20) + " more");
            }
        }
    }
}
