package org.georisk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes and limits of one bench run. {@link #full} is the measurement (about 15-20 minutes on the 2-core
 * machine), {@link #quick} proves in a minute or two that every figure is produced (CI). Fields are public and
 * mutable: the command line and the system test adjust a few of them.
 */
public final class BenchSettings {

    public static final List<String> SERVICES = List.of("ingest-service", "assessment-service",
            "notification-service", "api-gateway");

    public boolean full;
    public Path root;
    public Path outDir;
    public String gateway = "http://127.0.0.1:8080";
    public String bootstrap = "127.0.0.1:9092";
    public String feedKey = "dev-feed-key";
    public String analystKey = "dev-analyst-key";
    /** (a) and (b): the same N for the raw producer and the bulk through the gateway. */
    public long bulkEvents;
    public int bulkLines = 10_000;
    public int bulkConnections = 2;
    /**
     * (b): events posted the same way, not measured, before the measured bulk, and the pipeline then left to drain:
     * on freshly started JVMs the first bulks run at a third of the steady rate while the JIT compiles the path
     * (docs/performance.md, "Where the two cores go"), and the figure is about the steady rate.
     */
    public long bulkWarmUpEvents;
    public int rawRecordBytes = 300;
    /** (c) */
    public int postConnections = 64;
    public int postSeconds;
    /**
     * (c): the same load, not measured, before the measured run: a freshly started JVM serves the path at a fraction
     * of its steady rate until the JIT has compiled it (about 130/s in the first 30 s, 300-550/s after 3 minutes on
     * the 2-core machine, docs/performance.md), and the figure is about the steady rate.
     */
    public int postWarmUpSeconds;
    /** (d), (e): georisk.events is filled up to this many events before the rebuild. */
    public long rebuildEvents;
    public Duration archiveWait;
    public Duration rebuildTimeout;
    /** (f): the load beside the latency measurement, in NDJSON requests of latencyLoadLines lines. */
    public double latencyRate;
    public int latencySeconds;
    public int latencyLoadLines;
    public long alertIntervalMs;
    public Duration idleWait;
    /** (g): full mode restarts one service at a time, quick mode all four at once. */
    public boolean readinessOneByOne;
    /** (h): 0 = no soak. */
    public int soakMinutes;
    /** The steps to run, by letter ((d) runs with (e)); all by default, fewer to repeat one measurement. */
    public String steps = "abcdefgh";

    public static BenchSettings full(Path root) {
        BenchSettings s = base(root);
        s.full = true;
        s.bulkEvents = 200_000;
        s.bulkWarmUpEvents = 100_000;
        s.postSeconds = 30;
        s.postWarmUpSeconds = 90;
        s.rebuildEvents = 1_000_000;
        s.archiveWait = Duration.ofSeconds(300);
        s.rebuildTimeout = Duration.ofSeconds(900);
        // 1,000 events/s go as 20 requests/s of 50 lines, as a feed that batches its events posts them; the
        // latency probe's own 10 single POSTs/s go beside them
        s.latencyRate = 1000;
        s.latencySeconds = 60;
        s.latencyLoadLines = 50;
        s.alertIntervalMs = 100;
        s.idleWait = Duration.ofSeconds(300);
        s.readinessOneByOne = true;
        return s;
    }

    public static BenchSettings quick(Path root) {
        BenchSettings s = base(root);
        s.bulkEvents = 5_000;
        s.bulkWarmUpEvents = 1_000;
        s.postSeconds = 10;
        s.postWarmUpSeconds = 5;
        s.rebuildEvents = 8_000;
        s.archiveWait = Duration.ofSeconds(20);
        s.rebuildTimeout = Duration.ofSeconds(180);
        s.latencyRate = 50;
        s.latencySeconds = 8;
        s.latencyLoadLines = 5;
        s.alertIntervalMs = 400;
        s.idleWait = Duration.ofSeconds(60);
        s.readinessOneByOne = false;
        return s;
    }

    private static BenchSettings base(Path root) {
        BenchSettings s = new BenchSettings();
        s.root = root.toAbsolutePath().normalize();
        s.outDir = s.root.resolve(".georisk/bench");
        return s;
    }

    String toolsClasspath() {
        return root.resolve("bench/target/lib") + "/*";
    }

    Path wrkScript() {
        return root.resolve("bench/wrk/unique-events.lua");
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gateway", gateway);
        m.put("bootstrap", bootstrap);
        m.put("bulkEvents", bulkEvents);
        m.put("bulkLinesPerRequest", bulkLines);
        m.put("bulkConnections", bulkConnections);
        m.put("bulkWarmUpEvents", bulkWarmUpEvents);
        m.put("rawRecordBytes", rawRecordBytes);
        m.put("postConnections", postConnections);
        m.put("postSeconds", postSeconds);
        m.put("postWarmUpSeconds", postWarmUpSeconds);
        m.put("rebuildEvents", rebuildEvents);
        m.put("latencyRate", latencyRate);
        m.put("latencySeconds", latencySeconds);
        m.put("latencyLoadLinesPerRequest", latencyLoadLines);
        m.put("alertIntervalMs", alertIntervalMs);
        m.put("readinessOneByOne", readinessOneByOne);
        m.put("soakMinutes", soakMinutes);
        m.put("steps", steps);
        return m;
    }
}
