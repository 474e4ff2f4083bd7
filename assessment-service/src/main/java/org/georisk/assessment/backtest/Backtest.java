package org.georisk.assessment.backtest;

import org.georisk.assessment.service.AssessmentCalculator;
import org.georisk.assessment.service.InMemoryScoringStores;
import org.georisk.assessment.service.PairScorer;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.BuiltInAlert;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.events.EventValidator;
import org.georisk.contracts.events.StrictJson;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./georisk backtest [--at TIME] [--json] FILE...}: reads GDELT 2.0 export files and NDJSON event files,
 * turns every row into the GeoEvent ingest-service would publish, scores it with the stream's own {@link PairScorer}
 * (default parameters, state in maps), and reports every pair's latest assessment, with no broker and no database.
 *
 * <p>Events are scored in the order of the files given and of their lines, as ingest publishes a file; the final
 * assessments do not depend on that order (the scoring is order-independent), the number of alerts does.
 */
public final class Backtest {

    static final String USAGE = "usage: ./georisk backtest [--at TIME] [--json] FILE...\n"
            + "  FILE    GDELT 2.0 export (.CSV, .CSV.zip) or NDJSON events (.ndjson, .jsonl)\n"
            + "  --at    report every pair decayed to TIME (ISO-8601 instant, e.g. 2025-04-13T00:00:00Z)\n"
            + "  --json  print one PairAssessment JSON object a line, by pair, instead of the summary";

    /** Files read ahead of the scoring: enough to keep the readers busy, few enough to bound the memory. */
    static final int READ_AHEAD = 8;
    static final int READER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    private Backtest() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command, with its exit code: 0 done, 1 a file could not be read, 2 a usage error. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("georisk backtest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        long started = System.nanoTime();
        BacktestRun run = run(options.files(), options.at());
        if (options.json()) {
            run.latest().values().forEach(a -> out.println(AssessmentJson.line(a)));
        } else {
            new BacktestSummary(run).print(out);
            out.printf("%nin %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        run.counts().unreadableFiles().forEach(f -> err.println("georisk backtest: could not read " + f));
        return run.counts().unreadableFiles().isEmpty() ? 0 : 1;
    }

    /**
     * The backtest's core, callable from a test: reads the files in order and scores every event.
     *
     * <p>Clock: ingest refuses an event dated more than a day after the moment it receives it. A backtest of
     * historical files validates against the present, as ingest would if the files were posted today: every past
     * event passes, and only rows dated after tomorrow are refused. The file's own time would be closer to what
     * ingest saw when the file was published, but an NDJSON file has no time of its own, and a GDELT row's DATEADDED
     * is never after its file, so it would refuse nothing more.
     *
     * @param at when present, every pair is reported decayed to this instant (a pair whose asOf is later stays as is)
     */
    public static BacktestRun run(List<Path> files, Optional<Instant> at) {
        return run(files, at, Clock.systemUTC());
    }

    static BacktestRun run(List<Path> files, Optional<Instant> at, Clock clock) {
        files.forEach(FeedFileReader.Format::of); // a file of unknown format is a usage error before anything is read
        FeedFileReader reader = new FeedFileReader(EventValidator.withDefaultLimits(clock),
                new StrictJson(AssessmentJson.mapper()));
        InMemoryScoringStores stores = new InMemoryScoringStores();
        PairScorer scorer = new PairScorer(ScoringParameters.DEFAULTS, stores);
        RowCounts counts = new RowCounts();
        Map<String, AssessmentCalculator.Result> latest = new HashMap<>();
        Map<AlertKind, Long> alerts = new EnumMap<>(AlertKind.class);
        // Files are parsed and validated on other threads, a few ahead, while this one scores them in the given
        // order: the parsing is about half of the work and needs no shared state; the scoring stays sequential.
        ExecutorService readers = Executors.newFixedThreadPool(READER_THREADS, r -> {
            Thread t = new Thread(r, "backtest-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FeedFileReader.FileEvents>> reads = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                while (reads.size() < Math.min(files.size(), i + READ_AHEAD)) {
                    Path next = files.get(reads.size());
                    reads.add(readers.submit(() -> reader.read(next)));
                }
                FeedFileReader.FileEvents read = done(reads.get(i));
                reads.set(i, null); // the events of a scored file can go
                counts.add(read.counts());
                for (GeoEvent event : read.events()) {
                    score(scorer, event, counts, latest, alerts);
                }
            }
        } finally {
            readers.shutdownNow();
        }
        PairDecay decay = new PairDecay(ScoringParameters.DEFAULTS, stores);
        Map<String, PairAssessment> assessments = new TreeMap<>();
        latest.forEach((pair, result) -> assessments.put(pair,
                at.map(t -> decay.at(result, t)).orElse(result.assessment())));
        return new BacktestRun(assessments, counts, alerts, at);
    }

    private static FeedFileReader.FileEvents done(Future<FeedFileReader.FileEvents> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the files", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a file failed: " + e.getCause(), e.getCause());
        }
    }

    /** One event through the stream's scoring; the built-in alert of the pair's level change is counted. */
    private static void score(PairScorer scorer, GeoEvent event, RowCounts counts,
                              Map<String, AssessmentCalculator.Result> latest, Map<AlertKind, Long> alerts) {
        GeoEvent checked = event.normalised(); // what GeoEventCheck.read hands the stream's scorer
        String pair = checked.pairKey();
        Optional<AssessmentCalculator.Result> result = scorer.apply(pair, checked);
        if (result.isEmpty()) {
            counts.countDuplicate();
            return;
        }
        AssessmentCalculator.Result previous = latest.put(pair, result.get());
        Level before = previous == null ? null : previous.assessment().level();
        BuiltInAlert.of(before, result.get().assessment().level()).ifPresent(kind -> alerts.merge(kind, 1L, Long::sum));
    }

    /** The command line. */
    record Options(List<Path> files, Optional<Instant> at, boolean json, boolean help) {

        static Options parse(String[] args) {
            List<Path> files = new ArrayList<>();
            Optional<Instant> at = Optional.empty();
            boolean json = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Options(List.of(), Optional.empty(), false, true);
                    }
                    case "--json" -> json = true;
                    case "--at" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException("--at needs a time");
                        }
                        at = Optional.of(instant(args[++i]));
                    }
                    default -> {
                        if (arg.startsWith("--at=")) {
                            at = Optional.of(instant(arg.substring(5)));
                        } else if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        } else {
                            Path file = Path.of(arg);
                            if (!Files.isRegularFile(file)) {
                                throw new IllegalArgumentException("no such file: " + arg);
                            }
                            FeedFileReader.Format.of(file);
                            files.add(file);
                        }
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no file given");
            }
            return new Options(List.copyOf(files), at, json, false);
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--at: not an ISO-8601 instant: " + text);
            }
        }
    }
}
