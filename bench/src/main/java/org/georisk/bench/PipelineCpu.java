package org.georisk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The whole pipeline's cost of an event (bench/pipeline-cpu.sh): posts N events as NDJSON bulks through the gateway,
 * waits until every consumer of the pipeline has drained them, and prints, per run, the rate at which events were
 * accepted, the rate at which the pipeline finished them (first request → every group idle) and the CPU milliseconds
 * each process spent per event over that span ({@link ProcessCpu}). Repeated R times on the same JVMs, the runs show
 * the JIT's warm-up and then the steady cost, which is what bounds every throughput figure on a shared machine.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.PipelineCpu &lt;events&gt; &lt;runs&gt; &lt;gateway&gt; &lt;feedKey&gt; &lt;bootstrap&gt; &lt;root&gt;</pre>
 */
public final class PipelineCpu {

    /** Every consumer of an accepted event, by group → topic; the gateway's live groups only relay alerts. */
    static final Map<String, String> PIPELINE = new LinkedHashMap<>();

    static {
        PIPELINE.put("georisk-ingest-archive", "georisk.events");
        PIPELINE.put("georisk-assessment", "georisk.events");
        PIPELINE.put("georisk-assessment-history", "georisk.assessments");
        PIPELINE.put("georisk-notification", "georisk.assessments");
    }

    private PipelineCpu() {
    }

    /** One measured load: its result, whether every group drained it, the seconds until then, CPU ms per event. */
    record Drained(LoadResult load, boolean drained, double seconds, Map<String, Double> cpuMsPerEvent) {

        /** Accepted events per second from the first request until the whole pipeline was done with them. */
        double eventsPerSecond() {
            return load.accepted() / seconds;
        }
    }

    /**
     * Runs the load, then waits (at most {@code idleWait}) until every group of {@link #PIPELINE} has drained it,
     * counting each process's CPU over that span.
     */
    static Drained measure(LoadGenerator load, RebuildWatch watch, ServiceControl control, Duration idleWait)
            throws Exception {
        Map<String, Double> before = ProcessCpu.snapshot(control);
        long t0 = System.nanoTime();
        LoadResult r = load.run();
        boolean drained = watch.awaitIdle(PIPELINE, idleWait);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Drained(r, drained, seconds, ProcessCpu.msPerEvent(before, ProcessCpu.snapshot(control),
                r.accepted()));
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        int runs = Integer.parseInt(args[1]);
        ServiceControl control = new GeoriskScriptControl(Path.of(args[5]), args[4]);
        boolean ok = true;
        try (KafkaLag kafka = KafkaLag.connect(args[4])) {
            RebuildWatch watch = new RebuildWatch(kafka, System.out);
            if (!watch.awaitIdle(PIPELINE, Duration.ofMinutes(10))) {
                System.out.println("the pipeline has a backlog from before; not measured");
                System.exit(3);
            }
            for (int run = 1; run <= runs; run++) {
                Drained d = measure(new LoadGenerator(LoadGenerator.Settings.count(args[2], args[3], events, 10_000,
                        2, Duration.ofMinutes(10)), System.out), watch, control, Duration.ofMinutes(20));
                ok &= d.drained() && d.load().accepted() == events;
                System.out.printf(Locale.ROOT, "RESULT pipeline-cpu run %d: %d accepted at %.0f/s, pipeline done "
                                + "at %.0f events/s (%.1f s)%s; CPU ms per event %s%n", run, d.load().accepted(),
                        d.load().acceptedPerSecond(), d.eventsPerSecond(), d.seconds(),
                        d.drained() ? "" : " (NOT drained)", d.cpuMsPerEvent());
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
