package org.georisk.assessment.backtest;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Driver;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backtest's report for a reader: what was read, the level distribution of cross-border and domestic pairs
 * apart (domestic pairs have their own baseline and their own coverage volume, so mixing them would hide both), the
 * top cross-border pairs in the service's list order with their components and drivers, and the alerts.
 */
final class BacktestSummary {

    static final int TOP = 20;
    /** Drivers shown under each top pair: enough to see what drives it, short enough to scan 20 pairs. */
    static final int DRIVERS = 3;
    private static final int HEADLINE = 90;

    private final BacktestRun run;

    BacktestSummary(BacktestRun run) {
        this.run = run;
    }

    void print(PrintStream out) {
        printCounts(out);
        List<PairAssessment> crossBorder = run.latest().values().stream()
                .filter(a -> !PairKey.isDomestic(a.pair())).toList();
        List<PairAssessment> domestic = run.latest().values().stream()
                .filter(a -> PairKey.isDomestic(a.pair())).toList();
        out.println();
        out.println(run.at().map(t -> "assessments decayed to " + t).orElse("assessments as of each pair's latest event"));
        printLevels(out, crossBorder, domestic);
        out.println();
        printTop(out, crossBorder);
        out.println();
        printAlerts(out);
    }

    private void printCounts(PrintStream out) {
        RowCounts c = run.counts();
        out.printf(Locale.ROOT, "read %d file(s), %d row(s): %d accepted (%d duplicate), %d skipped, %d invalid%n",
                c.files(), c.rows(), c.accepted(), c.duplicates(), c.skipped(), c.invalid());
        if (!c.skippedByReason().isEmpty()) {
            out.println("  skipped: " + joined(c.skippedByReason()));
        }
        if (!c.invalidByReason().isEmpty()) {
            out.println("  invalid: " + joined(c.invalidByReason()));
            c.invalidExamples().forEach(e -> out.println("    e.g. " + e));
        }
        c.unreadableFiles().forEach(f -> out.println("  unreadable: " + f));
    }

    private static String joined(Map<String, Long> byReason) {
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void printLevels(PrintStream out, List<PairAssessment> crossBorder, List<PairAssessment> domestic) {
        Map<Level, Long> cb = levels(crossBorder);
        Map<Level, Long> dom = levels(domestic);
        out.printf(Locale.ROOT, "%-10s %18s %18s%n", "level", "cross-border", "domestic");
        for (Level level : Level.values()) {
            out.printf(Locale.ROOT, "%-10s %18s %18s%n", level, share(cb.get(level), crossBorder.size()),
                    share(dom.get(level), domestic.size()));
        }
        out.printf(Locale.ROOT, "%-10s %18d %18d%n", "pairs", crossBorder.size(), domestic.size());
    }

    private static Map<Level, Long> levels(List<PairAssessment> pairs) {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, 0L);
        }
        pairs.forEach(a -> counts.merge(a.level(), 1L, Long::sum));
        return counts;
    }

    private static String share(long count, long total) {
        return String.format(Locale.ROOT, "%d %6.1f %%", count, total == 0 ? 0.0 : 100.0 * count / total);
    }

    private static void printTop(PrintStream out, List<PairAssessment> crossBorder) {
        out.printf(Locale.ROOT, "top %d cross-border pairs (by priority, then score)%n", Math.min(TOP, crossBorder.size()));
        out.printf(Locale.ROOT, "%3s  %-9s %6s  %-8s %6s %10s %10s %8s %8s %6s %7s  %s%n", "#", "pair", "score", "level",
                "acute", "structural", "escalation", "salience", "priority", "events", "stories", "asOf");
        List<PairAssessment> top = crossBorder.stream().sorted(Ranking.SERVICE_ORDER).limit(TOP).toList();
        int rank = 0;
        for (PairAssessment a : top) {
            out.printf(Locale.ROOT, "%3d  %-9s %6.2f  %-8s %6.2f %10.2f %10.2f %8.2f %8.2f %6d %7d  %s%n", ++rank, a.pair(),
                    a.score(), a.level(), a.acute(), a.structural(), a.escalation(), a.salience(), a.priority(),
                    a.eventCount(), a.storyCount(), a.asOf());
            a.drivers().stream().limit(DRIVERS).forEach(d -> out.println("       " + driver(d)));
        }
    }

    private static String driver(Driver d) {
        String what = d.headline() != null && !d.headline().isBlank() ? d.headline() : d.eventId().toString();
        if (what.length() > HEADLINE) {
            what = what.substring(0, HEADLINE - 1) + "…";
        }
        return String.format(Locale.ROOT, "%+9.4f  %s", d.contribution(), what);
    }

    private void printAlerts(PrintStream out) {
        Map<AlertKind, Long> alerts = run.alerts();
        out.printf(Locale.ROOT, "built-in alerts the run would have raised: %d (LEVEL_UP %d, LEVEL_DOWN %d)%n",
                run.alertCount(), alerts.getOrDefault(AlertKind.LEVEL_UP, 0L),
                alerts.getOrDefault(AlertKind.LEVEL_DOWN, 0L));
    }
}
