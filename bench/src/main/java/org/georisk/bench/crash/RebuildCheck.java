package org.georisk.bench.crash;

import org.apache.kafka.common.TopicPartition;
import org.georisk.bench.ServiceControl;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Final assessment = rebuilt assessment. The live result is each pair's last record on georisk.assessments once the
 * lag is 0; then the documented rebuild runs (assessment-service/bin/rebuild.sh through
 * {@link ServiceControl#resetAssessmentStream}, the service started again the project's way), replaying the whole
 * of georisk.events, and each pair's last record published after the reset is the rebuilt one. The two must be the
 * same JSON: the rebuild is documented to reproduce versions 1..n byte for byte from the same log. The topic is
 * compared, not GET /assessments: the history upserts on (pair, version), so a rebuild that stopped at a lower
 * version would leave the live row in place and look equal there.
 */
final class RebuildCheck {

    interface Wait {
        void await() throws Exception;
    }

    private final LogAudit audit;
    private final ServiceControl control;
    private final Wait ready;
    private final Wait lagZero;
    private final Path logDir;
    private final PrintStream out;

    RebuildCheck(LogAudit audit, ServiceControl control, Wait ready, Wait lagZero, Path logDir, PrintStream out) {
        this.audit = audit;
        this.control = control;
        this.ready = ready;
        this.lagZero = lagZero;
        this.logDir = logDir;
        this.out = out;
    }

    void compare(CrashReport report) throws Exception {
        Map<String, String> live = audit.lastAssessments(Map.of());
        Map<TopicPartition, Long> before = audit.ends("georisk.assessments");
        long t0 = System.nanoTime();
        out.println("rebuild: assessment-service/bin/rebuild.sh, then the service started again ...");
        control.resetAssessmentStream(logDir.resolve("rebuild.log"));
        control.startStopped(logDir.resolve("start-after-rebuild.log")).get(5, TimeUnit.MINUTES);
        ready.await();
        lagZero.await();
        Map<String, String> rebuilt = audit.lastAssessments(before);
        // the lag reaches 0 when the stream has read the events; its last transaction may still be committing
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!rebuilt.keySet().containsAll(live.keySet()) && System.nanoTime() < deadline) {
            // the last transaction commits within seconds; once a second is enough and keeps load off the broker
            Thread.sleep(1000);
            rebuilt = audit.lastAssessments(before);
        }
        out.printf("rebuild: %d pairs republished in %.1f s%n", rebuilt.size(), (System.nanoTime() - t0) / 1e9);
        report.pairsCompared = live.size();
        for (Map.Entry<String, String> pair : live.entrySet()) {
            String again = rebuilt.get(pair.getKey());
            if (again == null) {
                report.rebuildDifferences.add(pair.getKey() + ": not republished by the rebuild");
            } else if (!again.equals(pair.getValue())) {
                report.rebuildDifferences.add(pair.getKey() + ": live " + clip(pair.getValue()) + " rebuilt " + clip(again));
            }
        }
        rebuilt.keySet().stream().filter(p -> !live.containsKey(p))
                .forEach(p -> report.rebuildDifferences.add(p + ": only in the rebuild"));
        report.rebuild = report.rebuildDifferences.isEmpty() ? "equal" : report.rebuildDifferences.size() + " pairs differ";
    }

    private static String clip(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
