package org.georisk.bench;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert latency, POST to SSE. Opens {@code GET /api/v1/stream/alerts} ({@link AlertStream}), then for K fresh pairs
 * (country pairs without an assessment, so the built-in level-change rule sees a first assessment coming from LOW)
 * posts E events per pair through the gateway, one request at a time, one every intervalMs: CAMEO 190 (Goldstein
 * -10 from the table), 10 mentions, dated a minute ago, which alone lifts a new pair to GUARDED and raises
 * LEVEL_UP. Latency of a pair = its first alert at the SSE client - the sending of its last POST. One extra pair
 * first is a warm-up, reported apart. bench/alert-latency.sh runs the main; {@code ./georisk bench} calls
 * {@link #measure} with a load beside it.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.AlertLatency &lt;pairs&gt; &lt;eventsPerPair&gt; &lt;intervalMs&gt; &lt;waitS&gt; &lt;gateway&gt; &lt;feedKey&gt; &lt;analystKey&gt;</pre>
 */
public final class AlertLatency {

    public record Settings(String gateway, String feedKey, String analystKey, int pairs, int eventsPerPair,
                           long intervalMs, long waitS) {
    }

    public record Result(int pairs, int received, Percentiles latencyMs, Percentiles postMs, int postErrors,
                         double warmUpMs, Map<String, Integer> kinds) {
        public boolean complete() {
            return received == pairs && postErrors == 0;
        }
    }

    private static final Pattern PAIR = Pattern.compile("\"pair\"\\s*:\\s*\"([A-Z0-9]+-[A-Z0-9]+)\"");

    private AlertLatency() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(args[4], args[5], args[6], Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Long.parseLong(args[2]), Long.parseLong(args[3]));
        Result r = measure(s, System.out);
        System.out.println();
        System.out.println("RESULT alert-latency (POST of the pair's last event -> its alert at the SSE client)");
        System.out.printf(Locale.ROOT, "  pairs posted     %d (POST errors %d)%n", r.pairs(), r.postErrors());
        System.out.printf(Locale.ROOT, "  alerts received  %d of %d   %s%n", r.received(), r.pairs(), r.kinds());
        Percentiles l = r.latencyMs(), p = r.postMs();
        System.out.printf(Locale.ROOT, "  latency ms       p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  (min %.0f, mean %.0f)%n",
                l.at(50), l.at(90), l.at(99), l.max(), l.min(), l.mean());
        System.out.printf(Locale.ROOT, "  POST 202 ms      p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                p.at(50), p.at(90), p.at(99), p.max());
        System.exit(r.complete() ? 0 : 1);
    }

    public static Result measure(Settings s, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> chosen = freshPairs(http, s.gateway(), s.analystKey(), s.pairs() + 1, out);
        String warmUp = chosen.get(0);
        out.printf(Locale.ROOT, "  %d fresh pairs (no assessment yet) + warm-up pair %s, %d event(s) each, one POST "
                + "every %d ms%n", chosen.size() - 1, warmUp, s.eventsPerPair(), s.intervalMs());
        try (AlertStream alerts = new AlertStream(new HashSet<>(chosen))) {
            if (!alerts.open(http, s.gateway(), s.analystKey())) {
                out.println("  no ': connected' comment within 30 s; starting anyway");
            }
            List<Double> postMs = new ArrayList<>();
            int postErrors = 0;
            double warmUpMs = Double.NaN;
            String occurredAt = Instant.now().minusSeconds(60).toString();
            long runId = System.currentTimeMillis();
            long next = System.nanoTime();
            int seq = 0;
            for (String pair : chosen) {
                String[] actors = pair.split("-");
                for (int e = 0; e < s.eventsPerPair(); e++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    next = Math.max(next + s.intervalMs() * 1_000_000L, System.nanoTime());
                    String body = "{\"externalId\":\"bench-alert-" + runId + "-" + (seq++) + "\",\"occurredAt\":\""
                            + occurredAt + "\",\"actor1\":\"" + actors[0] + "\",\"actor2\":\"" + actors[1]
                            + "\",\"cameoCode\":\"190\",\"mentions\":10,\"headline\":\"Alert latency benchmark " + pair + "\"}";
                    long t0 = System.nanoTime();
                    if (e == s.eventsPerPair() - 1) {
                        alerts.posted(pair, t0);
                    }
                    if (!post(http, s, body, pair, postMs, t0, out)) {
                        postErrors++;
                    }
                }
                if (pair.equals(warmUp)) {
                    // the warm-up pair tells whether alerts come at all: do not post hundreds into a silent pipeline
                    // at least 2 minutes: a stream restarted moments ago (a rebuild) has been seen to stall a
                    // minute on its first transactions (CONCURRENT_TRANSACTIONS) on a loaded machine
                    long warmUpWaitS = Math.max(120, s.waitS());
                    if (!alerts.await(pair, warmUpWaitS)) {
                        throw new IllegalStateException("no alert for the warm-up pair " + pair + " within " + warmUpWaitS
                                + " s: is notification-service running, and does one CAMEO 190 event lift a new pair above LOW?");
                    }
                    warmUpMs = alerts.latencyMs.get(pair);
                    out.printf(Locale.ROOT, "  warm-up pair %s: alert after %.0f ms (%s); not counted%n", pair, warmUpMs,
                            alerts.kinds.get(pair));
                    postMs.clear();
                    postErrors = 0;
                    next = System.nanoTime();
                }
            }
            alerts.awaitAll(chosen.size(), s.waitS());
            alerts.latencyMs.remove(warmUp);
            Map<String, Integer> kinds = new TreeMap<>();
            alerts.kinds.forEach((pair, kind) -> {
                if (!pair.equals(warmUp)) {
                    kinds.merge(kind, 1, Integer::sum);
                }
            });
            if (alerts.early.get() > 0 || alerts.foreign.get() > 0) {
                out.printf(Locale.ROOT, "  other alerts: %d before a pair's last post, %d for other pairs (ignored)%n",
                        alerts.early.get(), alerts.foreign.get());
            }
            return new Result(chosen.size() - 1, alerts.latencyMs.size(), new Percentiles(alerts.latencyMs.values()),
                    new Percentiles(postMs), postErrors, warmUpMs, kinds);
        }
    }

    private static boolean post(HttpClient http, Settings s, String body, String pair, List<Double> postMs, long t0,
                                PrintStream out) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(s.gateway() + "/api/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-API-Key", s.feedKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
            postMs.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() == 202) {
                return true;
            }
            out.println("  POST " + pair + " answered HTTP " + r.statusCode() + ": " + r.body());
        } catch (Exception ex) {
            out.println("  POST " + pair + " failed: " + ex);
        }
        return false;
    }

    /**
     * Country pairs (JDK ISO 3166-1 alpha-3 codes) that GET /assessments does not list yet, in a random order. Up to
     * 2 minutes for the answer: it lists every pair, and took over 30 s on a machine with a load average of 35.
     */
    static List<String> freshPairs(HttpClient http, String base, String key, int count, PrintStream out) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                .header("X-API-Key", key).timeout(Duration.ofSeconds(120)).GET().build();
        // A 503 is what a just restarted (rebuilt) assessment-service answers until its store is queryable: asked
        // again for up to 2 minutes, any other answer is final.
        HttpResponse<String> r;
        try {
            r = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> http.send(list, HttpResponse.BodyHandlers.ofString()), a -> a.statusCode() != 503);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("GET /api/v1/assessments answered 503 for 2 minutes", e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/assessments answered HTTP " + r.statusCode() + ": " + r.body());
        }
        Set<String> known = new HashSet<>();
        Matcher m = PAIR.matcher(r.body());
        while (m.find()) {
            known.add(m.group(1));
        }
        List<String> codes = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        Collections.sort(codes);
        Collections.shuffle(codes, new Random(System.currentTimeMillis()));
        List<String> result = new ArrayList<>();
        Set<String> used = new HashSet<>();
        // walk pairs (i, i+d) of the shuffled codes, so consecutive pairs rarely share an actor
        outer:
        for (int d = 1; d < codes.size(); d++) {
            for (int i = 0; i + d < codes.size(); i++) {
                String a = codes.get(i), b = codes.get(i + d);
                String pair = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
                if (!known.contains(pair) && used.add(pair)) {
                    result.add(pair);
                    if (result.size() == count) {
                        break outer;
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "  %d pairs already assessed (excluded)%n", known.size());
        return result;
    }
}
