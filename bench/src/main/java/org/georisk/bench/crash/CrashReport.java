package org.georisk.bench.crash;

import org.georisk.bench.LoadResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash test's findings. Passed when nothing acknowledged was lost (on the log, in its pair's eventCount, in
 * GET /events), nothing was counted twice, every alert of the subscription reached the webhook exactly once and
 * every final assessment equals the rebuilt one. The recovery times and alerts per pair are figures, not verdicts.
 */
public final class CrashReport {

    /** One kill -9: the component, and seconds from the kill to every service ready, and to events acknowledged again. */
    public record Recovery(String component, long pid, double readySeconds, double acknowledgingSeconds) { }

    LoadResult load;
    final List<Recovery> recoveries = new ArrayList<>();
    long acknowledged;
    /** acknowledged eventIds not on georisk.events */
    final List<String> lostFromLog = new ArrayList<>();
    /** acknowledged eventIds on the log but not listed by GET /events */
    final List<String> lostFromArchive = new ArrayList<>();
    /** pair → eventCount minus the distinct events of the pair on the log, where not 0 */
    final Map<String, Long> countMismatch = new LinkedHashMap<>();
    long publishedTwice;
    long archivedTwice;
    int subscriptionAlerts;
    final List<String> deliveredTwice = new ArrayList<>();
    final List<String> notDelivered = new ArrayList<>();
    Map<String, Integer> alertsPerPair = Map.of();
    Map<String, Integer> subscriptionAlertsPerPair = Map.of();
    Map<String, Integer> webhookPerPair = Map.of();
    double lagZeroSeconds;
    int pairsCompared;
    String rebuild = "not run";
    final List<String> rebuildDifferences = new ArrayList<>();

    public long lost() {
        return lostFromLog.size() + lostFromArchive.size()
                + countMismatch.values().stream().filter(d -> d < 0).mapToLong(d -> -d).sum();
    }

    public long countedTwice() {
        return archivedTwice + countMismatch.values().stream().filter(d -> d > 0).mapToLong(d -> d).sum();
    }

    public List<String> deliveredTwice() {
        return List.copyOf(deliveredTwice);
    }

    public List<String> notDelivered() {
        return List.copyOf(notDelivered);
    }

    public List<String> rebuildDifferences() {
        return List.copyOf(rebuildDifferences);
    }

    public List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    public long acknowledged() {
        return acknowledged;
    }

    public boolean passed() {
        return lost() == 0 && countedTwice() == 0 && deliveredTwice.isEmpty() && notDelivered.isEmpty()
                && rebuildDifferences.isEmpty();
    }

    public void print(PrintStream out) {
        out.println();
        out.println("crash test");
        out.println("  load                  " + (load == null ? "-" : load.summary()));
        for (Recovery r : recoveries) {
            out.printf("  kill -9 %-21s pid %-8d every service ready after %5.1f s, events acknowledged again after %5.1f s%n",
                    r.component(), r.pid(), r.readySeconds(), r.acknowledgingSeconds());
        }
        out.printf("  lag 0 in every group  %.1f s after the load ended%n", lagZeroSeconds);
        out.println("  events acknowledged   " + acknowledged);
        out.println("  lost                  " + lost() + "  (not on the log: " + lostFromLog.size()
                + ", not in GET /events: " + lostFromArchive.size() + ", missing from eventCount: "
                + countMismatch.values().stream().filter(d -> d < 0).mapToLong(d -> -d).sum() + ")");
        out.println("  counted twice         " + countedTwice() + "  (eventCount above the log's events: "
                + countMismatch.values().stream().filter(d -> d > 0).mapToLong(d -> d).sum()
                + ", listed twice by GET /events: " + archivedTwice + ")");
        out.println("  published twice       " + publishedTwice + "  (one eventId in two records of georisk.events; "
                + "the stream's dedup store counts it once)");
        if (!countMismatch.isEmpty()) {
            out.println("  eventCount - log      " + countMismatch);
        }
        sample(out, "not on the log", lostFromLog);
        sample(out, "not in GET /events", lostFromArchive);
        out.println("  webhook alerts        " + subscriptionAlerts + " raised for the subscription, delivered twice: "
                + deliveredTwice.size() + ", not delivered: " + notDelivered.size());
        sample(out, "delivered twice", deliveredTwice);
        sample(out, "not delivered", notDelivered);
        out.println("  alerts per pair       all kinds on georisk.alerts during the run: " + alertsPerPair);
        out.println("                        the subscription's (cooldown): " + subscriptionAlertsPerPair);
        out.println("                        delivered to the webhook: " + webhookPerPair);
        out.println("  final = rebuilt       " + rebuild + (pairsCompared > 0 ? " (" + pairsCompared + " pairs)" : ""));
        sample(out, "differs from the rebuild", rebuildDifferences);
        out.println(passed() ? "CRASH TEST PASSED: nothing lost, nothing counted twice, every alert delivered once, "
                + "final assessments equal the rebuild" : "CRASH TEST FAILED");
    }

    private static void sample(PrintStream out, String what, List<String> items) {
        if (!items.isEmpty()) {
            out.println("    " + what + " (" + items.size() + "), e.g. " + items.subList(0, Math.min(5, items.size())));
        }
    }
}
