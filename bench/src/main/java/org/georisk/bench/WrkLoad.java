package org.georisk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-event POSTs with many connections through wrk (C, a few % of a core for 64 connections) and
 * bench/wrk/unique-events.lua (a new externalId per request; answers counted by status). A Java client would need
 * more CPU than the services it measures on two cores. Only 202 answers count as accepted events.
 */
public final class WrkLoad {

    public record Result(long accepted, long duplicates, long throttled, long serverErrors, long other,
                         long socketErrors, long requests, double seconds, double p50Ms, double p99Ms) {
        public double acceptedPerSecond() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    private static final Pattern LINE = Pattern.compile("^WRK (\\w+) (\\d+)$", Pattern.MULTILINE);

    private WrkLoad() {
    }

    /** The wrk binary on the PATH, if any. */
    public static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path wrk = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(wrk)) {
                return wrk;
            }
        }
        return null;
    }

    public static Result run(Path wrk, Path script, String gateway, String feedKey, int connections, int seconds,
                             Path log) throws Exception {
        int threads = Math.min(2, connections);
        String out = Jvm.run(List.of(wrk.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                        "--timeout", "30s", "-s", script.toString(), gateway + "/api/v1/events"),
                Map.of("BENCH_RUN", EventLines.newPrefix("wrk"), "FEED_KEY", feedKey), null,
                Duration.ofSeconds(seconds + 60L), log);
        Map<String, Long> v = new HashMap<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            v.put(m.group(1), Long.parseLong(m.group(2)));
        }
        if (!v.containsKey("accepted") || !v.containsKey("duration_us")) {
            throw new IllegalStateException("wrk printed no counts:\n" + Jvm.tail(out, 15));
        }
        return new Result(v.get("accepted"), v.getOrDefault("duplicates", 0L), v.getOrDefault("throttled", 0L),
                v.getOrDefault("server_errors", 0L), v.getOrDefault("other", 0L), v.getOrDefault("socket_errors", 0L),
                v.getOrDefault("requests", 0L), v.get("duration_us") / 1e6, v.getOrDefault("p50_us", 0L) / 1000.0,
                v.getOrDefault("p99_us", 0L) / 1000.0);
    }
}
