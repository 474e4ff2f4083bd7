import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Alert latency, POST to SSE (JDK only; run through bench/alert-latency.sh).
 *
 * Opens GET /api/v1/stream/alerts (SSE, analyst key) and waits for the gateway's ": connected" comment (from then
 * on the client is registered and misses nothing). Then, for K fresh pairs (country pairs that have no assessment
 * yet, so the built-in level-change rule sees a first assessment coming from LOW), posts E events per pair through
 * the gateway one at a time (POST /api/v1/events, feed key), each a CAMEO 190 "use conventional military force"
 * (Goldstein -10 from the table, 1 mention) dated a minute ago: under the scoring defaults (K=20) one such event
 * scores 39.35, GUARDED, so the pair's first assessment raises a LEVEL_UP alert. The time from sending the pair's
 * LAST post to receiving the first alert for that pair at the SSE client is its latency.
 *
 *   java bench/src/AlertLatency.java <pairs> <eventsPerPair> <intervalMs> <waitS> <gateway> <feedKey> <analystKey>
 */
public class AlertLatency {

    static final Pattern PAIR = Pattern.compile("\"pair\"\\s*:\\s*\"([A-Z0-9]+-[A-Z0-9]+)\"");
    static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern LEVEL = Pattern.compile("\"level\"\\s*:\\s*\"([A-Z]+)\"");

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        int perPair = Integer.parseInt(args[1]);
        long intervalMs = Long.parseLong(args[2]);
        long waitS = Long.parseLong(args[3]);
        String base = args[4];
        String feedKey = args[5];
        String analystKey = args[6];

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // one extra pair first: a warm-up that also proves alerts flow; it is reported apart, not in the percentiles
        List<String> chosen = freshPairs(http, base, analystKey, pairs + 1);
        String warmUp = chosen.get(0);
        Set<String> wanted = new HashSet<>(chosen);
        System.out.printf(Locale.ROOT, "%d fresh pairs chosen (no assessment yet) + 1 warm-up pair %s, %d event(s) each, one POST every %d ms%n",
                chosen.size() - 1, warmUp, perPair, intervalMs);

        Map<String, Long> lastPostAt = new ConcurrentHashMap<>();
        Map<String, Double> latencyMs = new ConcurrentHashMap<>();
        Map<String, String> kinds = new ConcurrentHashMap<>();
        Set<String> alerted = ConcurrentHashMap.newKeySet();
        AtomicInteger early = new AtomicInteger(), foreign = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch allReceived = new CountDownLatch(chosen.size());

        HttpRequest sseRequest = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream/alerts"))
                .header("Accept", "text/event-stream").header("X-API-Key", analystKey).GET().build();
        HttpResponse<Stream<String>> sse = http.send(sseRequest, HttpResponse.BodyHandlers.ofLines());
        if (sse.statusCode() != 200) {
            System.out.println("SSE stream answered HTTP " + sse.statusCode());
            System.exit(2);
        }
        Thread reader = new Thread(() -> {
            StringBuilder data = new StringBuilder();
            String event = null;
            try {
                for (String line : (Iterable<String>) sse.body()::iterator) {
                    long now = System.nanoTime();
                    if (line.startsWith(":")) {
                        if (line.contains("connected")) {
                            connected.countDown();
                        }
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.isEmpty() && data.length() > 0) {
                        String json = data.toString();
                        data.setLength(0);
                        Matcher m = PAIR.matcher(json);
                        String pair = m.find() ? m.group(1) : null;
                        if (pair == null || !wanted.contains(pair)) {
                            foreign.incrementAndGet();
                        } else if (!alerted.contains(pair)) {
                            Long sent = lastPostAt.get(pair);
                            if (sent == null) {
                                early.incrementAndGet(); // an alert before the pair's last post: not a measurement
                            } else {
                                alerted.add(pair);
                                Matcher k = KIND.matcher(json);
                                Matcher l = LEVEL.matcher(json);
                                kinds.put(pair, (k.find() ? k.group(1) : "?") + " to " + (l.find() ? l.group(1) : "?"));
                                latencyMs.put(pair, (now - sent) / 1e6);
                                allReceived.countDown();
                            }
                        }
                        event = null;
                    }
                }
            } catch (Exception e) {
                System.out.println("SSE stream ended: " + e);
            }
            System.out.println("SSE stream closed by the server");
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            System.out.println("no ': connected' comment within 30 s; starting anyway");
        }

        // Post: pair by pair, E events each, one request at a time, at most one request per intervalMs.
        List<Double> postMs = new ArrayList<>();
        int postErrors = 0;
        String occurredAt = Instant.now().minusSeconds(60).toString();
        long runId = System.currentTimeMillis();
        long postingStart = System.nanoTime();
        long next = postingStart;
        int seq = 0;
        for (String pair : chosen) {
            String[] actors = pair.split("-");
            for (int e = 0; e < perPair; e++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next = Math.max(next + intervalMs * 1_000_000L, System.nanoTime());
                String body = "{\"externalId\":\"bench-alert-" + runId + "-" + (seq++) + "\",\"occurredAt\":\"" + occurredAt
                        + "\",\"actor1\":\"" + actors[0] + "\",\"actor2\":\"" + actors[1]
                        + "\",\"cameoCode\":\"190\",\"mentions\":10,\"headline\":\"Alert latency benchmark " + pair + "\"}";
                HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-API-Key", feedKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long t0 = System.nanoTime();
                if (e == perPair - 1) {
                    lastPostAt.put(pair, t0);
                }
                try {
                    HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
                    postMs.add((System.nanoTime() - t0) / 1e6);
                    if (r.statusCode() != 202) {
                        postErrors++;
                        if (postErrors <= 5) {
                            System.out.println("  POST " + pair + " answered HTTP " + r.statusCode() + ": " + r.body());
                        }
                    }
                } catch (Exception ex) {
                    postErrors++;
                    System.out.println("  POST " + pair + " failed: " + ex);
                }
            }
            if (pair.equals(warmUp)) {
                // the warm-up pair tells whether alerts come at all; do not post hundreds into a silent pipeline
                if (!waitFirst(latencyMs, pair, waitS)) {
                    System.out.printf(Locale.ROOT, "no alert for the warm-up pair %s within %d s: is notification-service running, "
                            + "and does one CAMEO 190 event lift a new pair above LOW? Stopping.%n", pair, waitS);
                    System.exit(1);
                }
                System.out.printf(Locale.ROOT, "warm-up pair %s: alert after %.0f ms (%s); not counted below%n",
                        pair, latencyMs.remove(pair), kinds.remove(pair));
                postMs.clear();
                postingStart = System.nanoTime();
                next = postingStart;
            }
        }
        double postingSeconds = (System.nanoTime() - postingStart) / 1e9;
        int measured = chosen.size() - 1;
        System.out.printf(Locale.ROOT, "posted %d events for %d pairs in %.1f s (%.1f posts/s); waiting up to %d s for the last alerts%n",
                (seq - perPair), measured, postingSeconds, (seq - perPair) / postingSeconds, waitS);
        allReceived.await(waitS, TimeUnit.SECONDS);
        boolean ok = report(measured, latencyMs, kinds, postMs, postErrors, early.get(), foreign.get(), postingSeconds);
        System.exit(ok ? 0 : 1);
    }

    static boolean waitFirst(Map<String, Double> latencyMs, String pair, long waitS) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitS * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (latencyMs.containsKey(pair)) {
                Thread.sleep(50); // let the reader thread finish recording it
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Country pairs (JDK ISO 3166-1 alpha-3 codes) that GET /assessments does not list yet, in a random order. */
    static List<String> freshPairs(HttpClient http, String base, String key, int count) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                .header("X-API-Key", key).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        Random random = new Random(System.currentTimeMillis());
        Collections.shuffle(codes, random);
        List<String> result = new ArrayList<>();
        Set<String> used = new HashSet<>();
        // walk pairs (i, j) in shuffled order, so consecutive pairs rarely share an actor
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
        System.out.printf(Locale.ROOT, "%d pairs already assessed (excluded)%n", known.size());
        return result;
    }

    static boolean report(int pairs, Map<String, Double> latencyMs, Map<String, String> kinds, List<Double> postMs,
                          int postErrors, int early, int foreign, double postingSeconds) {
        double[] l = latencyMs.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] p = postMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Integer> kindCount = new java.util.TreeMap<>();
        kinds.values().forEach(k -> kindCount.merge(k, 1, Integer::sum));
        System.out.println();
        System.out.println("RESULT alert-latency (POST of the pair's last event -> its alert at the SSE client)");
        System.out.printf(Locale.ROOT, "  pairs posted     %d (POST errors %d)%n", pairs, postErrors);
        System.out.printf(Locale.ROOT, "  alerts received  %d of %d   %s%n", l.length, pairs, kindCount);
        System.out.printf(Locale.ROOT, "  latency ms       p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  (min %.0f, mean %.0f)%n",
                pct(l, 50), pct(l, 90), pct(l, 99), l.length == 0 ? Double.NaN : l[l.length - 1],
                l.length == 0 ? Double.NaN : l[0], Arrays.stream(l).average().orElse(Double.NaN));
        System.out.printf(Locale.ROOT, "  POST 202 ms      p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                pct(p, 50), pct(p, 90), pct(p, 99), p.length == 0 ? Double.NaN : p[p.length - 1]);
        if (early > 0 || foreign > 0) {
            System.out.printf(Locale.ROOT, "  other alerts     %d before a pair's last post, %d for other pairs (ignored)%n", early, foreign);
        }
        return l.length == pairs && postErrors == 0;
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
