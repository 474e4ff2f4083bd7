package org.georisk.assessment.backtest;

import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.events.EventValidator;
import org.georisk.contracts.events.FeedLines;
import org.georisk.contracts.events.GdeltRowMapper;
import org.georisk.contracts.events.StrictJson;
import org.georisk.contracts.events.ValidationResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one feed file into the GeoEvents ingest-service would publish for it, with the shared parsing of contracts
 * ({@link GdeltRowMapper}, {@link StrictJson}, {@link EventValidator}): the backtest scores what the live system
 * would have scored. A row that is skipped or invalid is counted, never fatal.
 */
final class FeedFileReader {

    /** The formats a file name announces. */
    enum Format {
        /** A GDELT 2.0 event export: 61 tab-separated columns a row, source "gdelt". */
        GDELT,
        /** The same, zipped as GDELT publishes it. */
        GDELT_ZIP,
        /** One event JSON object a line, as posted to POST /events; each line names its source. */
        NDJSON;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv.zip") || name.endsWith(".zip")) {
                return GDELT_ZIP;
            }
            if (name.endsWith(".csv") || name.endsWith(".tsv")) {
                return GDELT;
            }
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                return NDJSON;
            }
            throw new IllegalArgumentException(file + ": not a GDELT export (.CSV, .CSV.zip) or NDJSON file "
                    + "(.ndjson, .jsonl)");
        }
    }

    /** A GDELT day is about 100 files of 0.6 MB; one unzipped file larger than this is not an export. */
    private static final long MAX_UNZIPPED_BYTES = 1L << 30;

    private final EventValidator validator;
    private final StrictJson json;

    FeedFileReader(EventValidator validator, StrictJson json) {
        this.validator = validator;
        this.json = json;
    }

    /** One file read: its accepted events in file order and its counts (an unreadable file is in the counts). */
    record FileEvents(List<GeoEvent> events, RowCounts counts) {
    }

    /** The whole file, for reading files on other threads while the scoring takes them in order. */
    FileEvents read(Path file) {
        List<GeoEvent> events = new ArrayList<>();
        RowCounts counts = new RowCounts();
        try {
            read(file, counts, events::add);
        } catch (IOException e) { // the file or zip cannot be read: before any row, so nothing of it is scored
            return new FileEvents(List.of(), unreadable(file, e.getMessage()));
        }
        return new FileEvents(events, counts);
    }

    private static RowCounts unreadable(Path file, String reason) {
        RowCounts counts = new RowCounts();
        counts.countUnreadable(file, reason);
        return counts;
    }

    /** Every accepted event of the file goes to {@code accepted}, in file order; everything else to {@code counts}. */
    void read(Path file, RowCounts counts, Consumer<GeoEvent> accepted) throws IOException {
        Format format = Format.of(file);
        byte[] content = format == Format.GDELT_ZIP ? unzip(file) : Files.readAllBytes(file);
        counts.countFile();
        for (FeedLines.Line line : FeedLines.split(content)) {
            counts.countRow();
            if (!line.ok()) { // not UTF-8: refused as ingest refuses the line
                counts.countInvalid(file, line.number(), "line: " + line.error());
                continue;
            }
            ValidationResult v;
            if (format == Format.NDJSON) {
                StrictJson.Parsed parsed = json.parseLine(line.text());
                if (!parsed.ok()) {
                    counts.countInvalid(file, line.number(), "line: " + parsed.error());
                    continue;
                }
                v = validator.validate(parsed.node(), null);
            } else {
                GdeltRowMapper.Mapped mapped = GdeltRowMapper.mapLine(line.text(), GdeltRowMapper.SOURCE);
                if (mapped.skipReason() != null) {
                    counts.countSkipped(mapped.skipReason());
                    continue;
                }
                if (mapped.error() != null) {
                    counts.countInvalid(file, line.number(), "row: " + mapped.error());
                    continue;
                }
                v = validator.validate(mapped.body(), null);
            }
            if (v.ok()) {
                counts.countAccepted();
                accepted.accept(v.event());
            } else {
                FieldError first = v.errors().get(0);
                counts.countInvalid(file, line.number(), first.field() + ": " + first.reason());
            }
        }
    }

    private static byte[] unzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            FeedLines.Unzipped unzipped = FeedLines.unzip(in, MAX_UNZIPPED_BYTES);
            if (unzipped.files() == 0) {
                throw new IOException(file + ": the zip file holds no file");
            }
            return unzipped.content();
        }
    }
}
