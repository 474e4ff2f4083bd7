package org.georisk.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Watches consumer groups catch up: a rebuilding stream until its lag is 0, or a pipeline until it is idle. */
public final class RebuildWatch {

    /**
     * @param consumed  events committed from the watch's start to lag 0 (or the timeout)
     * @param seconds   from t0 (the start of the service) to then
     * @param steadyRate events/s from the first committed progress to lag 0: without JVM start, rebalance, restore
     */
    public record Result(boolean caughtUp, long consumed, long logEnd, double seconds, double rate,
                         double firstCommitSeconds, double steadyRate) {
    }

    private final KafkaLag kafka;
    private final PrintStream out;

    public RebuildWatch(KafkaLag kafka, PrintStream out) {
        this.kafka = kafka;
        this.out = out;
    }

    /** Polls every 250 ms until the group's committed offsets reach the end offsets of the topic, or the timeout. */
    public Result watch(String topic, String group, Duration timeout, long t0Millis) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long[] first = kafka.snapshot(topic, group);
        long baseline = first[0];
        long firstProgressAt = -1, firstProgressCommitted = 0;
        long lastPrint = System.currentTimeMillis();
        out.printf(Locale.ROOT, "  watching group %s on %s: committed %d of %d, lag %d%n", group, topic, first[0],
                first[1], first[1] - first[0]);
        long[] s = first;
        while (System.currentTimeMillis() < deadline) {
            try {
                s = kafka.snapshot(topic, group);
            } catch (Exception e) {
                out.println("  (lag query failed, retrying: " + e.getMessage() + ")");
                // a failed Admin call is retried after a pause, not at once, so it does not add load
                Thread.sleep(1000);
                continue;
            }
            long now = System.currentTimeMillis();
            if (firstProgressAt < 0 && s[0] > baseline) {
                firstProgressAt = now;
                firstProgressCommitted = s[0];
                out.printf(Locale.ROOT, "  first committed progress %.1f s after t0 (committed %d)%n",
                        (now - t0Millis) / 1000.0, s[0]);
            }
            if (s[0] >= s[1]) {
                double wall = (now - t0Millis) / 1000.0;
                long consumed = s[0] - baseline;
                double steady = firstProgressAt > 0 && now > firstProgressAt
                        ? (s[0] - firstProgressCommitted) / ((now - firstProgressAt) / 1000.0) : Double.NaN;
                Result r = new Result(true, consumed, s[1], wall, consumed / wall,
                        firstProgressAt > 0 ? (firstProgressAt - t0Millis) / 1000.0 : Double.NaN, steady);
                out.printf(Locale.ROOT, "RESULT rebuild: group %s caught up: %d events consumed (log end %d) in %.1f s "
                        + "from t0 = %.0f events/s%n", group, consumed, s[1], wall, r.rate());
                out.printf(Locale.ROOT, "RESULT rebuild steady: %.0f events/s from the first commit (t0 to first "
                        + "commit: %.1f s: JVM start, rebalance, restore)%n", steady, r.firstCommitSeconds());
                return r;
            }
            if (now - lastPrint >= 5000) {
                lastPrint = now;
                out.printf(Locale.ROOT, "  %6.1f s: committed %d of %d, lag %d%n", (now - t0Millis) / 1000.0, s[0],
                        s[1], s[1] - s[0]);
            }
            // sampling pace: catch-up is timed to a quarter second
            Thread.sleep(250);
        }
        double wall = (System.currentTimeMillis() - t0Millis) / 1000.0;
        out.printf(Locale.ROOT, "RESULT rebuild: TIMEOUT after %.1f s: group %s committed %d of %d (lag %d): %.0f "
                + "events/s so far%n", wall, group, s[0], s[1], s[1] - s[0], (s[0] - baseline) / wall);
        return new Result(false, s[0] - baseline, s[1], wall, (s[0] - baseline) / wall, Double.NaN, Double.NaN);
    }

    /** Waits until every group's lag on its topic (group → topic) is ≤ 10; false after the timeout. */
    public boolean awaitIdle(Map<String, String> groupTopics, Duration timeout) throws Exception {
        long start = System.currentTimeMillis();
        long lastPrint = 0;
        while (true) {
            StringBuilder line = new StringBuilder();
            long worst = 0;
            for (Map.Entry<String, String> gt : groupTopics.entrySet()) {
                long lag = kafka.lag(gt.getValue(), gt.getKey());
                worst = Math.max(worst, lag);
                line.append(String.format(Locale.ROOT, " %s lag %d;", gt.getKey(), lag));
            }
            long now = System.currentTimeMillis();
            if (worst <= 10) {
                out.printf(Locale.ROOT, "  pipeline idle after %.1f s:%s%n", (now - start) / 1000.0, line);
                return true;
            }
            if (now - start > timeout.toMillis()) {
                out.printf(Locale.ROOT, "  pipeline NOT idle after %d s:%s%n", timeout.toSeconds(), line);
                return false;
            }
            if (now - lastPrint >= 10_000) {
                lastPrint = now;
                out.printf(Locale.ROOT, "  waiting for the backlog to drain:%s%n", line);
            }
            // the backlog drains over minutes; a sample a second keeps the Admin calls off the measurement
            Thread.sleep(1000);
        }
    }
}
