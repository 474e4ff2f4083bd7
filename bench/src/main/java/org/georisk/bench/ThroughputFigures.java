package org.georisk.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** (a) raw producer, (b) bulk NDJSON through the gateway, (c) single-event POSTs with many connections. */
final class ThroughputFigures {

    private final BenchSettings s;
    private final Path logDir;
    private final PrintStream out;
    private final ServiceControl control;

    ThroughputFigures(BenchSettings s, ServiceControl control, Path logDir, PrintStream out) {
        this.s = s;
        this.control = control;
        this.logDir = logDir;
        this.out = out;
    }

    /** ProducerPerformance into a scratch topic laid out like georisk.events: N records, 300 bytes, acks=all. */
    Figure rawProducer(RawKafka raw) throws Exception {
        RawKafka.ProducerRate r = raw.produce(s.bulkEvents, s.rawRecordBytes, Duration.ofSeconds(120 + s.bulkEvents / 5_000));
        out.printf(Locale.ROOT, "  %d records, %.0f records/s, avg latency %.0f ms, p99 %.0f ms%n", r.records(),
                r.recordsPerSecond(), r.avgLatencyMs(), r.p99LatencyMs());
        return Figure.of("raw.producer", "ProducerPerformance, " + s.rawRecordBytes + "-byte records, acks=all, into "
                        + RawKafka.SCRATCH_TOPIC, r.recordsPerSecond(), "/s")
                .detail("records", r.records()).detail("avgLatencyMs", r.avgLatencyMs())
                .detail("p99LatencyMs", r.p99LatencyMs());
    }

    /**
     * The same N events as NDJSON bulks through the gateway, after a warm-up bulk; accepted events per wall second.
     * Beside it, in {@code detail}: the rate at which the whole pipeline (archive, stream, history, notification) was
     * done with them, and the CPU each process spent per event until then ({@link PipelineCpu}).
     */
    Figure bulk(Figure rawProducer, KafkaLag kafka) throws Exception {
        RebuildWatch watch = new RebuildWatch(kafka, out);
        LoadResult warmUp = new LoadGenerator(LoadGenerator.Settings.count(s.gateway, s.feedKey, s.bulkWarmUpEvents,
                s.bulkLines, s.bulkConnections, Duration.ofSeconds(120 + s.bulkWarmUpEvents / 500)), null).run();
        out.println("  warm-up (not measured): " + warmUp.summary());
        watch.awaitIdle(PipelineCpu.PIPELINE, s.idleWait);
        PipelineCpu.Drained d = PipelineCpu.measure(new LoadGenerator(LoadGenerator.Settings.count(s.gateway,
                s.feedKey, s.bulkEvents, s.bulkLines, s.bulkConnections, Duration.ofSeconds(120 + s.bulkEvents / 500)),
                out), watch, control, s.idleWait);
        LoadResult r = d.load();
        out.println("  " + r.summary());
        out.printf(Locale.ROOT, "  the whole pipeline done with them after %.1f s (%.0f events/s)%s; CPU ms per event %s%n",
                d.seconds(), d.eventsPerSecond(), d.drained() ? "" : " (NOT drained)", d.cpuMsPerEvent());
        Figure f = Figure.of("ingest.bulk", "NDJSON bulk through the gateway (" + s.bulkLines + "-line requests, "
                        + s.bulkConnections + " in flight), accepted events", r.acceptedPerSecond(), "/s").details(r.asMap())
                .detail("warmUpEvents", s.bulkWarmUpEvents).detail("warmUpAcceptedPerSecond", warmUp.acceptedPerSecond())
                .detail("pipelineDrained", d.drained()).detail("pipelineSeconds", Math.round(d.seconds() * 10) / 10.0)
                .detail("pipelineEventsPerSecond", Math.round(d.eventsPerSecond()))
                .detail("cpuMsPerEvent", d.cpuMsPerEvent());
        if (r.accepted() == 0) {
            return Figure.failed(f.id(), f.what(), "/s", "no event accepted: " + r.summary());
        }
        return rawProducer.value() == null ? f.withGoal("ratio ≥ 0.3", false)
                : f.against(rawProducer.value(), "raw producer").ratioAtLeast(0.3);
    }

    /** Single application/json POSTs, 64 connections, for D seconds: wrk when installed, else the Java generator. */
    Figure singlePosts() throws Exception {
        String what = "single-event POST, " + s.postConnections + " connections, " + s.postSeconds + " s, 202s";
        // Not measured: the first single-event requests after the bulk (a JVM's first use of that path, on a loaded
        // machine) were seen to take over 10 s, so a short run counted no answer at all.
        LoadResult warmUp = new LoadGenerator(new LoadGenerator.Settings(s.gateway, s.feedKey, 0, 1, 4, 40,
                Duration.ofSeconds(60), Duration.ofSeconds(60), EventLines.newPrefix("warmup"), false), null).run();
        out.println("  warm-up (not measured): " + warmUp.summary());
        Path wrk = WrkLoad.find();
        Figure f;
        if (wrk != null) {
            // The same load first, not measured, until the JIT has compiled the path (BenchSettings.postWarmUpSeconds).
            WrkLoad.Result w = WrkLoad.run(wrk, s.wrkScript(), s.gateway, s.feedKey, s.postConnections,
                    s.postWarmUpSeconds, logDir.resolve("wrk-warmup.log"));
            out.printf(Locale.ROOT, "  wrk warm-up (not measured): %d accepted in %.1f s = %.0f/s%n", w.accepted(),
                    w.seconds(), w.acceptedPerSecond());
            Map<String, Double> cpuBefore = ProcessCpu.snapshot(control);
            WrkLoad.Result r = WrkLoad.run(wrk, s.wrkScript(), s.gateway, s.feedKey, s.postConnections, s.postSeconds,
                    logDir.resolve("wrk.log"));
            // where the cores went, per accepted event: the whole pipeline runs beside ingest (stream, alerts, archive)
            Map<String, Double> cpuMs = ProcessCpu.msPerEvent(cpuBefore, ProcessCpu.snapshot(control), r.accepted());
            out.printf(Locale.ROOT, "  wrk: %d requests in %.1f s: %d accepted (202), %d duplicates, %d 429, %d 5xx, "
                            + "%d other, %d socket errors; p50 %.1f ms, p99 %.1f ms%n", r.requests(), r.seconds(),
                    r.accepted(), r.duplicates(), r.throttled(), r.serverErrors(), r.other(), r.socketErrors(),
                    r.p50Ms(), r.p99Ms());
            out.println("  CPU ms per accepted event (during the measured run): " + cpuMs);
            f = Figure.of("ingest.single", what + " (wrk)", r.acceptedPerSecond(), "/s")
                    .detail("client", "wrk").detail("requests", r.requests()).detail("accepted", r.accepted())
                    .detail("duplicates", r.duplicates()).detail("http429", r.throttled())
                    .detail("http5xx", r.serverErrors()).detail("other", r.other())
                    .detail("socketErrors", r.socketErrors()).detail("seconds", r.seconds())
                    .detail("requestP50Ms", r.p50Ms()).detail("requestP99Ms", r.p99Ms())
                    .detail("warmUpSeconds", w.seconds()).detail("warmUpAcceptedPerSecond", w.acceptedPerSecond())
                    .detail("cpuMsPerEvent", cpuMs);
        } else {
            // Without wrk: the Java generator, unpaced; it retries 429s, so its accepted count is what got in.
            LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(s.gateway, s.feedKey, 0, 1,
                    s.postConnections, Long.MAX_VALUE, Duration.ofSeconds(s.postSeconds), Duration.ofSeconds(30),
                    EventLines.newPrefix("single"), false), out);
            LoadResult r = generator.run();
            out.println("  java client (no wrk on the PATH): " + r.summary());
            f = Figure.of("ingest.single", what + " (Java client)", r.acceptedPerSecond(), "/s")
                    .detail("client", "java").details(r.asMap());
        }
        return f.atLeast(10_000, "≥ 10,000/s").detail("warmUpAcknowledged", warmUp.acknowledged());
    }
}
