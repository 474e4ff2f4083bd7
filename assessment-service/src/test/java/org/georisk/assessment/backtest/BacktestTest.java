package org.georisk.assessment.backtest;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The backtest's core on the sample feed and real exports, and the command's two outputs. */
class BacktestTest {

    private record Output(int exit, String out, String err) {
    }

    private static Output command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Backtest.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSeedSampleIsReadAndEveryEventCountedOnce() {
        BacktestRun run = Backtest.run(List.of(FeedFiles.SEED), Optional.empty());

        assertEquals(1, run.counts().files());
        assertEquals(20, run.counts().rows());
        assertEquals(20, run.counts().accepted());
        assertEquals(0, run.counts().duplicates() + run.counts().skipped() + run.counts().invalid());
        assertTrue(run.latest().containsKey("AZE-RUS"), run.latest().keySet().toString());
        assertEquals(20, run.latest().values().stream().mapToLong(PairAssessment::eventCount).sum());
        run.latest().forEach((pair, a) -> assertEquals(pair, a.pair()));
    }

    @Test
    void aFileReadTwiceGivesDuplicatesAndTheSameAssessments() {
        BacktestRun once = Backtest.run(List.of(FeedFiles.SEED), Optional.empty());
        BacktestRun twice = Backtest.run(List.of(FeedFiles.SEED, FeedFiles.SEED), Optional.empty());

        assertEquals(40, twice.counts().accepted());
        assertEquals(20, twice.counts().duplicates());
        assertEquals(json(once.latest()), json(twice.latest()));
        assertEquals(once.alerts(), twice.alerts(), "a duplicate publishes nothing, so it raises nothing");
    }

    @Test
    void everyPairAboveLowRaisedAtLeastOneLevelUp() {
        BacktestRun run = Backtest.run(List.of(FeedFiles.SEED, FeedFiles.GDELT_SAMPLE), Optional.empty());

        long aboveLow = run.latest().values().stream().filter(a -> a.level() != Level.LOW).count();
        long ups = run.alerts().getOrDefault(AlertKind.LEVEL_UP, 0L);
        long downs = run.alerts().getOrDefault(AlertKind.LEVEL_DOWN, 0L);
        assertTrue(ups >= aboveLow, ups + " LEVEL_UP for " + aboveLow + " pairs above LOW");
        assertTrue(ups >= downs, "every fall follows a rise: a pair starts from LOW");
        assertEquals(run.alertCount(), ups + downs, "the built-in rule raises only LEVEL_UP and LEVEL_DOWN");
    }

    @Test
    void atDecaysEveryPairToTheGivenInstant() {
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        BacktestRun asOf = Backtest.run(List.of(FeedFiles.SEED), Optional.empty());
        BacktestRun decayed = Backtest.run(List.of(FeedFiles.SEED), Optional.of(at));

        assertEquals(asOf.latest().keySet(), decayed.latest().keySet());
        decayed.latest().forEach((pair, a) -> {
            assertEquals(at, a.asOf(), pair);
            assertEquals(asOf.latest().get(pair).version(), a.version(), pair);
        });
    }

    @Test
    void atWithinTheTrendWindowDecaysAndAtBeforeAsOfLeavesThePairAsItIs() {
        BacktestRun asOf = Backtest.run(List.of(FeedFiles.SEED), Optional.empty());
        PairAssessment azeRus = asOf.latest().get("AZE-RUS");
        Instant nextDay = azeRus.asOf().plus(Duration.ofDays(1));
        BacktestRun decayed = Backtest.run(List.of(FeedFiles.SEED), Optional.of(nextDay));
        BacktestRun before = Backtest.run(List.of(FeedFiles.SEED), Optional.of(azeRus.asOf().minusSeconds(1)));

        assertEquals(nextDay, decayed.latest().get("AZE-RUS").asOf());
        assertTrue(decayed.latest().get("AZE-RUS").score() <= azeRus.score(), "no new event raises nothing");
        assertEquals(AssessmentJson.line(azeRus), AssessmentJson.line(before.latest().get("AZE-RUS")));
    }

    @Test
    void jsonPrintsOnePairAssessmentALineThatParsesBack() throws IOException {
        BacktestRun run = Backtest.run(List.of(FeedFiles.SEED), Optional.empty());
        Output output = command("--json", FeedFiles.SEED.toString());

        assertEquals(0, output.exit(), output.err());
        List<String> lines = output.out().lines().toList();
        assertEquals(run.latest().size(), lines.size());
        List<PairAssessment> expected = List.copyOf(run.latest().values());
        for (int i = 0; i < lines.size(); i++) {
            PairAssessment parsed = AssessmentJson.mapper().readValue(lines.get(i), PairAssessment.class);
            assertEquals(expected.get(i).pair(), parsed.pair());
            assertEquals(lines.get(i), AssessmentJson.line(parsed), "parsed and written again: the same bytes");
            assertEquals(AssessmentJson.line(expected.get(i)), lines.get(i));
        }
    }

    @Test
    void theSummaryNamesWhatWasReadTheLevelsTheTopPairsAndTheAlerts() {
        Output output = command(FeedFiles.SEED.toString(), FeedFiles.GDELT_SAMPLE.toString());

        assertEquals(0, output.exit(), output.err());
        String text = output.out();
        assertTrue(text.contains("read 2 file(s), 28 row(s): 27 accepted (0 duplicate), 1 skipped, 0 invalid"), text);
        assertTrue(text.contains("cross-border") && text.contains("domestic"), text);
        assertTrue(text.contains("AZE-RUS"), text);
        assertTrue(text.contains("built-in alerts the run would have raised: "), text);
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersAreScored(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("20250101000000.export.CSV.zip"), "not a zip");
        BacktestRun run = Backtest.run(List.of(broken, FeedFiles.SEED), Optional.empty());
        Output output = command(broken.toString(), FeedFiles.SEED.toString());

        assertEquals(1, run.counts().unreadableFiles().size(), run.counts().unreadableFiles().toString());
        assertEquals(1, run.counts().files());
        assertEquals(20, run.counts().accepted());
        assertEquals(1, output.exit());
        assertTrue(output.err().contains("could not read " + broken), output.err());
    }

    @Test
    void usageErrorsExitWithTwoAndReadNothing() {
        assertEquals(2, command().exit());
        assertEquals(2, command("--frobnicate", FeedFiles.SEED.toString()).exit());
        assertEquals(2, command("--at", "yesterday", FeedFiles.SEED.toString()).exit());
        assertEquals(2, command("../samples/README.md").exit());
        assertEquals(2, command("no-such-file.ndjson").exit());
        assertEquals(0, command("--help").exit());
    }

    @Test
    void realExportsAreScoredWithEveryRowAccountedFor() throws IOException {
        List<Path> all = FeedFiles.realGdelt();
        assumeFalse(all.isEmpty(), "no real GDELT exports at " + FeedFiles.REAL_GDELT.toAbsolutePath());
        List<Path> real = all.subList(0, Math.min(12, all.size())); // more than the read-ahead, still quick
        BacktestRun run = Backtest.run(real, Optional.empty());

        RowCounts c = run.counts();
        assertEquals(real.size(), c.files());
        assertEquals(c.rows(), c.accepted() + c.skipped() + c.invalid());
        assertEquals(c.accepted() - c.duplicates(),
                run.latest().values().stream().mapToLong(PairAssessment::eventCount).sum());
    }

    private static List<String> json(Map<String, PairAssessment> latest) {
        return latest.values().stream().map(AssessmentJson::line).toList();
    }
}
