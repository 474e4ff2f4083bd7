package org.georisk.assessment.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.events.EventValidator;
import org.georisk.contracts.events.GdeltRowMapper;
import org.georisk.contracts.events.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Files become the events ingest-service would publish; nothing a row holds stops the reading. */
class FeedFileReaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-13T12:00:00Z"), ZoneOffset.UTC);
    private final FeedFileReader reader = new FeedFileReader(EventValidator.withDefaultLimits(CLOCK),
            new StrictJson(new ObjectMapper()));

    @TempDir
    Path dir;

    private List<GeoEvent> read(Path file, RowCounts counts) throws IOException {
        List<GeoEvent> events = new ArrayList<>();
        reader.read(file, counts, events::add);
        return events;
    }

    @Test
    void aLineThatIsNotUtf8IsInvalidAsIngestRefusesItAndTheOthersAreRead() throws IOException {
        byte[] good = Files.readAllBytes(FeedFiles.GDELT_SAMPLE);
        byte[] withBad = new byte[good.length + 2];
        System.arraycopy(good, 0, withBad, 0, good.length);
        withBad[good.length] = (byte) 0xC0; // an overlong "/", alone on the last line
        withBad[good.length + 1] = (byte) 0xAF;
        Path file = dir.resolve("bad.export.CSV");
        Files.write(file, withBad);
        RowCounts counts = new RowCounts();
        assertEquals(7, read(file, counts).size());
        assertEquals(1, counts.invalid());
    }

    @Test
    void aGdeltExportGivesOneEventPerRowWithACountryActor() throws IOException {
        RowCounts counts = new RowCounts();
        List<GeoEvent> events = read(FeedFiles.GDELT_SAMPLE, counts);

        assertEquals(1, counts.files());
        assertEquals(8, counts.rows());
        assertEquals(7, counts.accepted());
        assertEquals(1, counts.skippedByReason().get(GdeltRowMapper.SKIP_NO_COUNTRY_ACTOR));
        assertEquals(0, counts.invalid());
        GeoEvent first = events.get(0);
        assertEquals(EventIds.eventId("gdelt", "1232217801"), first.eventId(), "the eventId ingest gives the row");
        assertEquals("gdelt", first.source());
        assertEquals("ARM-RUS", first.pairKey());
        assertEquals(Instant.parse("2025-04-07T11:45:00Z"), first.occurredAt());
        assertTrue(events.stream().allMatch(e -> e.category() != null && e.mentions() != null));
    }

    @Test
    void theZipOfAnExportGivesTheSameEvents() throws IOException {
        RowCounts plain = new RowCounts();
        RowCounts zipped = new RowCounts();
        List<GeoEvent> fromCsv = read(FeedFiles.GDELT_SAMPLE, plain);
        List<GeoEvent> fromZip = read(FeedFiles.zipped(FeedFiles.GDELT_SAMPLE, dir), zipped);

        assertEquals(fromCsv, fromZip);
        assertEquals(plain.rows(), zipped.rows());
        assertEquals(plain.skippedByReason(), zipped.skippedByReason());
    }

    @Test
    void aBadNdjsonLineIsCountedAndTheOthersAreRead() throws IOException {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"source\":\"desk\",\"externalId\":\"a\",\"occurredAt\":\"2025-04-07T10:00:00Z\",\"actor1\":\"RUS\","
                        + "\"actor2\":\"AZE\",\"cameoCode\":\"160\",\"mentions\":2}",
                "{not json",
                "",
                "{\"source\":\"desk\",\"externalId\":\"b\",\"occurredAt\":\"2025-04-07T10:00:00Z\",\"actor1\":\"XXX\","
                        + "\"cameoCode\":\"160\"}",
                "{\"source\":\"desk\",\"externalId\":\"c\",\"occurredAt\":\"2031-01-01T00:00:00Z\",\"actor1\":\"ARM\","
                        + "\"cameoCode\":\"042\"}",
                "{\"source\":\"desk\",\"externalId\":\"d\",\"occurredAt\":\"2025-04-08T10:00:00Z\",\"actor1\":\"ARM\","
                        + "\"cameoCode\":\"042\"}") + "\n", StandardCharsets.UTF_8);
        RowCounts counts = new RowCounts();
        List<GeoEvent> events = read(file, counts);

        assertEquals(5, counts.rows(), "the blank line is no row");
        assertEquals(2, counts.accepted());
        assertEquals(3, counts.invalid());
        assertEquals(List.of("AZE-RUS", "ARM-ARM"), events.stream().map(GeoEvent::pairKey).toList());
        assertTrue(counts.invalidExamples().get(0).startsWith("events.ndjson:2: line: not valid JSON"),
                counts.invalidExamples().toString());
        assertTrue(counts.invalidExamples().get(1).startsWith("events.ndjson:4: actor1: unknown actor code"),
                counts.invalidExamples().toString());
        assertTrue(counts.invalidExamples().get(2).startsWith("events.ndjson:5: occurredAt: must not be more than 1 day"),
                counts.invalidExamples().toString());
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsInvalidNotFatal() throws IOException {
        Path file = dir.resolve("broken.export.CSV");
        List<String> lines = new ArrayList<>(Files.readAllLines(FeedFiles.GDELT_SAMPLE));
        lines.add(1, "1\t2\t3");
        Files.write(file, lines);
        RowCounts counts = new RowCounts();
        List<GeoEvent> events = read(file, counts);

        assertEquals(9, counts.rows());
        assertEquals(7, events.size());
        assertEquals(1, counts.invalid());
        assertEquals(List.of("broken.export.CSV:2: row: expected 61 tab-separated columns, found 3"),
                counts.invalidExamples());
    }

    @Test
    void aFileOfUnknownFormatIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> FeedFileReader.Format.of(Path.of("notes.txt")));
        assertEquals(FeedFileReader.Format.GDELT_ZIP, FeedFileReader.Format.of(Path.of("20241022130000.export.CSV.zip")));
        assertEquals(FeedFileReader.Format.GDELT, FeedFileReader.Format.of(Path.of("x.csv")));
        assertEquals(FeedFileReader.Format.NDJSON, FeedFileReader.Format.of(Path.of("x.jsonl")));
    }

    @Test
    void everyRowOfARealExportIsAccountedFor() throws IOException {
        List<Path> real = FeedFiles.realGdelt();
        assumeFalse(real.isEmpty(), "no real GDELT exports at " + FeedFiles.REAL_GDELT.toAbsolutePath());
        RowCounts counts = new RowCounts();
        List<GeoEvent> events = read(real.get(0), counts);

        assertEquals(counts.rows(), counts.accepted() + counts.skipped() + counts.invalid());
        assertEquals(counts.accepted(), events.size());
        assertTrue(counts.accepted() > counts.rows() / 2, "most rows of a real export are events: " + counts.rows()
                + " rows, " + counts.accepted() + " accepted, invalid " + counts.invalidByReason());
    }
}
