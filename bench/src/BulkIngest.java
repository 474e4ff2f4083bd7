import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk ingest benchmark (JDK only; run through bench/bulk-ingest.sh). Generates N valid GeoEvents as NDJSON in
 * memory (generation is not timed), posts them to the gateway in requests of at most 10,000 lines with one or more
 * concurrent posters, checks every BulkResult's counts, and prints accepted events per wall second.
 *
 *   java bench/src/BulkIngest.java <events> <posters> <linesPerRequest> <gatewayBase> <feedKey> <timeoutSeconds>
 */
public class BulkIngest {

    /** Real actor codes of the South Caucasus region and its neighbours (ISO 3166-1 alpha-3). */
    static final String[] ACTORS = {"AZE", "RUS", "ARM", "TUR", "GEO", "IRN"};

    /** CAMEO code and its standard Goldstein value (contracts cameo-codes.tsv). */
    record Cameo(String code, double goldstein) { }

    static final Cameo[] CAMEO = {
            new Cameo("036", 4.0), new Cameo("042", 1.9), new Cameo("046", 7.0), new Cameo("057", 8.0),
            new Cameo("061", 6.4), new Cameo("111", -2.0), new Cameo("120", -4.0), new Cameo("163", -6.5),
            new Cameo("172", -5.0), new Cameo("190", -10.0)};

    static final Pattern COUNT = Pattern.compile("\"(read|accepted|duplicates|rejected)\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        int posters = Integer.parseInt(args[1]);
        int perRequest = Math.min(10_000, Integer.parseInt(args[2]));
        String base = args[3];
        String key = args[4];
        long timeoutSeconds = Long.parseLong(args[5]);

        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        List<String> bodies = generate(events, perRequest, run);
        System.out.printf(Locale.ROOT, "generated %d events in %d requests of <= %d lines (externalId prefix %s)%n",
                events, bodies.size(), perRequest, run);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Integer> work = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < bodies.size(); i++) {
            work.add(i);
        }
        AtomicLong read = new AtomicLong(), accepted = new AtomicLong(), duplicates = new AtomicLong(),
                rejected = new AtomicLong(), failedRequests = new AtomicLong();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            int poster = p + 1;
            Thread t = new Thread(() -> {
                Integer i;
                while ((i = work.poll()) != null && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                                .timeout(Duration.ofSeconds(Math.max(1, (deadline - t0) / 1_000_000_000L)))
                                .header("Content-Type", "application/x-ndjson")
                                .header("X-API-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                .build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (response.statusCode() != 200) {
                            failedRequests.incrementAndGet();
                            System.out.printf(Locale.ROOT, "  poster %d request %d: HTTP %d in %.0f ms: %s%n", poster, i + 1,
                                    response.statusCode(), ms, clip(response.body()));
                            continue;
                        }
                        long[] c = counts(response.body());
                        read.addAndGet(c[0]);
                        accepted.addAndGet(c[1]);
                        duplicates.addAndGet(c[2]);
                        rejected.addAndGet(c[3]);
                        System.out.printf(Locale.ROOT,
                                "  poster %d request %d: read %d accepted %d duplicates %d rejected %d in %.0f ms (%.0f events/s)%n",
                                poster, i + 1, c[0], c[1], c[2], c[3], ms, c[1] / (ms / 1000));
                        if (c[3] > 0) {
                            System.out.println("    first rejection: " + firstRejection(response.body()));
                        }
                    } catch (Exception e) {
                        failedRequests.incrementAndGet();
                        System.out.printf(Locale.ROOT, "  poster %d request %d failed: %s%n", poster, i + 1, e);
                    }
                }
            }, "poster-" + poster);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int unsent = work.size();

        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT bulk-ingest posters=%d lines/request=%d%n", posters, perRequest);
        System.out.printf(Locale.ROOT, "  total events     %d%n", events);
        System.out.printf(Locale.ROOT, "  read             %d%n", read.get());
        System.out.printf(Locale.ROOT, "  accepted         %d%n", accepted.get());
        System.out.printf(Locale.ROOT, "  duplicates       %d%n", duplicates.get());
        System.out.printf(Locale.ROOT, "  rejected         %d%n", rejected.get());
        System.out.printf(Locale.ROOT, "  failed requests  %d (unsent after the time limit: %d)%n", failedRequests.get(), unsent);
        System.out.printf(Locale.ROOT, "  elapsed          %.2f s%n", seconds);
        System.out.printf(Locale.ROOT, "  throughput       %.0f accepted events/s%n", accepted.get() / seconds);
        boolean ok = accepted.get() == events && read.get() == events && failedRequests.get() == 0 && unsent == 0;
        System.out.println("  check            " + (ok ? "OK: every event read and accepted"
                : "MISMATCH: read/accepted differ from the events sent"));
        System.exit(ok ? 0 : 1);
    }

    /** NDJSON request bodies; externalIds unique per run, occurredAt within the last year, real actors and CAMEO codes. */
    static List<String> generate(int events, int perRequest, String run) {
        SplittableRandom random = new SplittableRandom(42);
        long now = Instant.now().getEpochSecond();
        long year = 365L * 24 * 3600;
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder(perRequest * 260);
        int inBody = 0;
        for (int n = 0; n < events; n++) {
            int a = random.nextInt(ACTORS.length);
            int b = random.nextInt(ACTORS.length - 1);
            if (b >= a) {
                b++;
            }
            Cameo cameo = CAMEO[random.nextInt(CAMEO.length)];
            Instant occurredAt = Instant.ofEpochSecond(now - 60 - random.nextLong(year));
            int mentions = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3); // mostly 1-5, a few more
            body.append("{\"externalId\":\"").append(run).append('-').append(n)
                    .append("\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"actor1\":\"").append(ACTORS[a])
                    .append("\",\"actor2\":\"").append(ACTORS[b])
                    .append("\",\"cameoCode\":\"").append(cameo.code()).append('"');
            if (random.nextBoolean()) {
                // within the code's range: its standard value moved by at most 1, same sign, inside -10..10
                double g = cameo.goldstein() + (random.nextDouble() * 2 - 1);
                g = Math.signum(cameo.goldstein()) * Math.min(10, Math.max(0.1, Math.abs(g)));
                body.append(",\"goldstein\":").append(String.format(Locale.ROOT, "%.1f", g));
            }
            body.append(",\"mentions\":").append(mentions)
                    .append(",\"headline\":\"Benchmark event ").append(n).append(' ').append(ACTORS[a]).append(' ')
                    .append(cameo.code()).append(' ').append(ACTORS[b]).append("\"}\n");
            if (++inBody == perRequest) {
                bodies.add(body.toString());
                body.setLength(0);
                inBody = 0;
            }
        }
        if (inBody > 0) {
            bodies.add(body.toString());
        }
        return bodies;
    }

    /** read, accepted, duplicates, rejected: the top-level counts precede "lines" in the BulkResult JSON. */
    static long[] counts(String json) {
        long[] c = {0, 0, 0, 0};
        boolean[] seen = new boolean[4];
        Matcher m = COUNT.matcher(json);
        while (m.find()) {
            int idx = switch (m.group(1)) {
                case "read" -> 0;
                case "accepted" -> 1;
                case "duplicates" -> 2;
                default -> 3;
            };
            if (!seen[idx]) {
                seen[idx] = true;
                c[idx] = Long.parseLong(m.group(2));
            }
        }
        return c;
    }

    static String firstRejection(String json) {
        int i = json.indexOf("\"REJECTED\"");
        return i < 0 ? "?" : clip(json.substring(Math.max(0, i - 40)));
    }

    static String clip(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
