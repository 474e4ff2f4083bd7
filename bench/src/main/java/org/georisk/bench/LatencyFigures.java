package org.georisk.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * (f) POST → alert at an SSE client ({@link AlertLatency}) while the {@link LoadGenerator} offers R events/s beside
 * it, and every consumer group's lag sampled each second ({@link LagSampler}). Waits (bounded) for an idle
 * pipeline first: a backlog left by the steps before would be measured as latency.
 */
final class LatencyFigures {

    private final BenchSettings s;
    private final KafkaLag kafka;
    private final PrintStream out;

    LatencyFigures(BenchSettings s, KafkaLag kafka, PrintStream out) {
        this.s = s;
        this.kafka = kafka;
        this.out = out;
    }

    List<Figure> run() throws Exception {
        Map<String, String> pipeline = new LinkedHashMap<>();
        pipeline.put("georisk-assessment", "georisk.events");
        pipeline.put("georisk-notification", "georisk.assessments");
        boolean idle = new RebuildWatch(kafka, out).awaitIdle(pipeline, s.idleWait);

        int pairs = (int) Math.max(3, s.latencySeconds * 1000L / s.alertIntervalMs);
        long waitS = 60; // under a loaded machine the first alert after a rebuild took 30-60 s
        LoadGenerator load = new LoadGenerator(LoadGenerator.Settings.paced(s.gateway, s.feedKey, s.latencyRate,
                s.latencyLoadLines, 16, Duration.ofSeconds(s.latencySeconds + 3 * waitS + 60)), out);
        AlertLatency.Result latency = null;
        Exception latencyFailure = null;
        LoadResult loadResult;
        Map<String, LagSampler.GroupLag> lags;
        try (LagSampler sampler = new LagSampler(kafka, 1000)) {
            CompletableFuture<LoadResult> running = load.runInBackground();
            try {
                out.printf(Locale.ROOT, "  load: %.0f events/s in %d-line NDJSON requests; probe: %d pairs, one POST "
                        + "every %d ms%n", s.latencyRate, s.latencyLoadLines, pairs, s.alertIntervalMs);
                latency = AlertLatency.measure(new AlertLatency.Settings(s.gateway, s.feedKey, s.analystKey, pairs, 1,
                        s.alertIntervalMs, waitS), out);
            } catch (Exception e) {
                latencyFailure = e; // the load and lag figures are still worth reporting
                out.println("  latency probe FAILED: " + e.getMessage());
            } finally {
                load.stop();
            }
            loadResult = running.get(200, TimeUnit.SECONDS);
            lags = sampler.result(s.latencyRate);
        }
        out.println("  load: " + loadResult.summary());
        List<Figure> figures = new ArrayList<>();
        figures.add(latency == null
                ? Figure.failed("alert.p99", "POST → alert at an SSE client, p99", "ms", String.valueOf(latencyFailure))
                : latencyFigure(latency, idle));
        figures.add(Figure.of("alert.load", "load offered beside the latency probe, events acknowledged/s",
                        loadResult.acknowledgedPerSecond(), "/s")
                .atLeast(0.95 * s.latencyRate, "≥ " + (int) s.latencyRate + "/s sustained").details(loadResult.asMap()));
        lags.values().forEach(g -> figures.add(lagFigure("lag.", g, "during the latency load")));
        return figures;
    }

    private Figure latencyFigure(AlertLatency.Result latency, boolean idle) {
        Percentiles l = latency.latencyMs();
        out.printf(Locale.ROOT, "  alerts %d of %d; latency ms p50 %.0f p90 %.0f p99 %.0f max %.0f; POST p50 %.0f ms%n",
                latency.received(), latency.pairs(), l.at(50), l.at(90), l.at(99), l.max(), latency.postMs().at(50));
        return Figure.of("alert.p99", "POST → alert at an SSE client, p99, at " + (int) s.latencyRate + " events/s",
                        l.at(99), "ms").below(1000, "< 1,000 ms")
                .detail("pairs", latency.pairs()).detail("alertsReceived", latency.received())
                .detail("p50Ms", l.at(50)).detail("p90Ms", l.at(90)).detail("maxMs", l.max())
                .detail("postP50Ms", latency.postMs().at(50)).detail("postErrors", latency.postErrors())
                .detail("warmUpMs", latency.warmUpMs()).detail("kinds", latency.kinds())
                .detail("pipelineIdleBefore", idle);
    }

    static Figure lagFigure(String prefix, LagSampler.GroupLag g, String when) {
        return Figure.of(prefix + g.group(), "max lag of group " + g.group() + " " + when, g.max(), "records")
                .withGoal("bounded (not growing)", !g.grew())
                .detail("firstThirdMean", Math.round(g.firstThirdMean())).detail("lastThirdMean", Math.round(g.lastThirdMean()))
                .detail("samples", g.samples()).detail("grew", g.grew());
    }
}
