package org.georisk.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark run on a running system: Kafka's raw rates and GeoRisk's figures, in this order, each step bounded
 * in time and on its own (a failed step leaves a failed figure and the run goes on):
 * (a) raw producer, (b) bulk ingest, (c) single-event POSTs, (d) raw consumer and (e) rebuild, (f) alert latency
 * under load with every group's lag, (g) readiness of each service, (h) the soak when asked for.
 * Writes {@code <outDir>/bench-<time>.json} and the step logs beside it.
 */
public final class Bench {

    private final BenchSettings s;
    private final ServiceControl control;
    private final PrintStream out;

    public Bench(BenchSettings settings, ServiceControl control, PrintStream out) {
        this.s = settings;
        this.control = control;
        this.out = out;
    }

    /** Runs every step; returns the report, already written to {@link #jsonFile}. */
    public BenchReport run(Path jsonFile) throws Exception {
        BenchReport report = new BenchReport(s.full ? "full" : "short", s.asMap());
        Path logDir = jsonFile.resolveSibling(jsonFile.getFileName().toString().replace(".json", "") + "-logs");
        out.printf(Locale.ROOT, "bench (%s): %s, load average %s, %d cores; gateway %s, broker %s; logs in %s%n",
                s.full ? "full" : "short", Instant.now(), BenchReport.loadAverage(),
                Runtime.getRuntime().availableProcessors(), s.gateway, s.bootstrap, logDir);
        try (KafkaLag kafka = KafkaLag.connect(s.bootstrap)) {
            RawKafka raw = new RawKafka(kafka, s.bootstrap, s.toolsClasspath(), logDir);
            ThroughputFigures throughput = new ThroughputFigures(s, control, logDir, out);

            List<Figure> a = step(report, "a", "(a) raw producer", "raw.producer", "/s", () -> List.of(throughput.rawProducer(raw)));
            Figure rawProducer = a.isEmpty() ? Figure.failed("raw.producer", "not run", "/s", "not run") : a.get(0);
            step(report, "b", "(b) bulk NDJSON through the gateway", "ingest.bulk", "/s", () -> List.of(throughput.bulk(rawProducer, kafka)));
            step(report, "c", "(c) single-event POSTs", "ingest.single", "/s", () -> List.of(throughput.singlePosts()));
            step(report, "e", "(d, e) raw consumer and rebuild", "rebuild", "/s",
                    () -> new RebuildFigures(s, control, kafka, logDir, out).run(raw));
            step(report, "f", "(f) POST → alert latency under load, consumer lag", "alert.p99", "ms",
                    () -> new LatencyFigures(s, kafka, out).run());
            step(report, "g", "(g) readiness", "ready", "s", () -> new ReadinessFigures(s, control, logDir, out).run());
            if (s.soakMinutes > 0) {
                step(report, "h", "(h) soak, " + s.soakMinutes + " min", "soak", "", () -> new SoakFigures(s, control, kafka, out).run());
            }
        }
        report.finish();
        report.writeJson(jsonFile);
        out.println();
        out.print(report.table());
        out.println();
        out.println("JSON: " + jsonFile);
        return report;
    }

    /** A file name for this moment: bench-20261202T061500Z.json. */
    public static Path jsonFileIn(Path dir) {
        return dir.resolve("bench-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
    }

    interface Step {
        List<Figure> run() throws Exception;
    }

    private List<Figure> step(BenchReport report, String letter, String title, String id, String unit, Step step) {
        if (!s.steps.contains(letter)) {
            return List.of();
        }
        out.println();
        out.printf(Locale.ROOT, "== %s  (%s, load average %s)%n", title, Instant.now(), BenchReport.loadAverage());
        long t0 = System.nanoTime();
        List<Figure> figures;
        try {
            figures = step.run();
        } catch (Exception | AssertionError e) {
            out.println("  FAILED: " + e);
            figures = List.of(Figure.failed(id, title, unit, e.toString()));
        }
        figures.forEach(report::add);
        out.printf(Locale.ROOT, "  (%s took %.0f s)%n", title, (System.nanoTime() - t0) / 1e9);
        return figures;
    }
}
