package org.georisk.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * (d) the raw consumer over georisk.events and (e) the rebuild, by the documented procedure as bench/rebuild.sh
 * does it: reset (assessment-service/bin/rebuild.sh, service left stopped); georisk.events filled up to M events
 * straight into Kafka ({@link EventProducer}); ingest's archive consumer given time to catch up so it does not
 * compete; ConsumerPerformance over the whole topic; then the service started again (t0) and the group
 * georisk-assessment watched until its lag is 0. The rebuild covers every event in the log.
 */
final class RebuildFigures {

    static final String EVENTS = "georisk.events";
    static final String STREAM_GROUP = "georisk-assessment";

    private final BenchSettings s;
    private final ServiceControl control;
    private final KafkaLag kafka;
    private final Path logDir;
    private final PrintStream out;

    RebuildFigures(BenchSettings s, ServiceControl control, KafkaLag kafka, Path logDir, PrintStream out) {
        this.s = s;
        this.control = control;
        this.kafka = kafka;
        this.logDir = logDir;
        this.out = out;
    }

    List<Figure> run(RawKafka raw) throws Exception {
        List<Figure> figures = new ArrayList<>();
        long before = kafka.count(EVENTS);
        out.printf(Locale.ROOT, "  %s holds %d events; reset: assessment-service/bin/rebuild.sh (GEORISK_NO_RESTART=1)%n",
                EVENTS, before);
        CompletableFuture<Void> started = null;
        try {
            control.resetAssessmentStream(logDir.resolve("rebuild-reset.log"));
            long missing = Math.max(0, s.rebuildEvents - before);
            EventProducer.Produced produced = missing == 0 ? new EventProducer.Produced(0, 0, 0)
                    : EventProducer.produce(s.bootstrap, EVENTS, missing, EventProducer.DEFAULT_ACTORS.split(","),
                    "bench-rebuild", out);
            long total = kafka.count(EVENTS);
            out.printf(Locale.ROOT, "  %d events produced straight into %s: it holds %d%n", produced.events(), EVENTS, total);
            boolean archived = new RebuildWatch(kafka, out).awaitIdle(Map.of("georisk-ingest-archive", EVENTS), s.archiveWait);

            RawKafka.ConsumerRate c = raw.consume(EVENTS, total, Duration.ofSeconds(120 + total / 20_000));
            out.printf(Locale.ROOT, "  ConsumerPerformance: %d records, %.0f records/s (%.0f/s fetching)%n", c.records(),
                    c.recordsPerSecond(), c.fetchRecordsPerSecond());
            Figure rawConsumer = Figure.of("raw.consumer", "ConsumerPerformance over " + EVENTS + ", whole topic",
                    c.recordsPerSecond(), "/s").detail("records", c.records())
                    .detail("fetchRecordsPerSecond", c.fetchRecordsPerSecond());
            figures.add(rawConsumer);

            long t0 = System.currentTimeMillis();
            started = control.startStopped(logDir.resolve("rebuild-start.log"));
            RebuildWatch.Result r = new RebuildWatch(kafka, out).watch(EVENTS, STREAM_GROUP, s.rebuildTimeout, t0);
            Figure rebuild = Figure.of("rebuild", "rebuild by the documented procedure, events/s from the service's "
                            + "start to lag 0", r.rate(), "/s")
                    .detail("events", r.consumed()).detail("caughtUp", r.caughtUp()).detail("seconds", r.seconds())
                    .detail("steadyEventsPerSecond", r.steadyRate()).detail("firstCommitSeconds", r.firstCommitSeconds())
                    .detail("producedForTheRun", produced.events()).detail("archiveCaughtUpFirst", archived)
                    .details(downstream());
            rebuild = rebuild.against(c.recordsPerSecond(), "raw consumer").ratioAtLeast(0.1);
            if (!r.caughtUp()) {
                rebuild = rebuild.withGoal("ratio ≥ 0.1", false); // the rate so far; detail caughtUp false
            }
            figures.add(rebuild);
        } finally {
            if (started == null) {
                // the reset or the filling failed: the stream must not stay stopped
                started = control.startStopped(logDir.resolve("rebuild-start.log"));
            }
            try {
                started.get(300, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("  (starting assessment-service again reported: " + e.getMessage() + ")");
            }
        }
        return figures;
    }

    /** The history consumer's and notification-service's lag at the moment the stream caught up. */
    private Map<String, Object> downstream() {
        Map<String, Object> lags = new java.util.LinkedHashMap<>();
        for (String group : List.of("georisk-assessment-history", "georisk-notification")) {
            try {
                lags.put("lagAtCatchUp." + group, kafka.lag("georisk.assessments", group));
            } catch (Exception e) {
                lags.put("lagAtCatchUp." + group, "?");
            }
        }
        return lags;
    }
}
