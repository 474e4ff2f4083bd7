package org.georisk.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.events.FeedLines;
import org.georisk.contracts.events.GdeltRowMapper;
import org.georisk.contracts.events.StrictJson;
import org.georisk.ingest.config.IngestConfig;

import java.util.ArrayList;
import java.util.List;

/** Turns request bodies of each feed format (JSON, NDJSON, GDELT TSV or zip) into candidates for {@link IngestService}. */
@ApplicationScoped
public class FeedAdapters {

    /** The source of GDELT rows posted without a feed principal (direct internal call). */
    public static final String GDELT_SOURCE = GdeltRowMapper.SOURCE;

    private final BodyReader reader;
    private final IngestConfig config;

    public FeedAdapters(BodyReader reader, IngestConfig config) {
        this.reader = reader;
        this.config = config;
    }

    public JsonNode json(byte[] body) {
        BodyReader.checkSize(body, config.maxEventBytes(), "the event");
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("empty body", List.of(new FieldError("body", "is empty")));
        }
        return reader.parse(body, "body");
    }

    public List<IngestService.Candidate> ndjson(byte[] body) {
        BodyReader.checkSize(body, config.maxBulkBytes(), "the NDJSON body");
        List<IngestService.Candidate> out = new ArrayList<>();
        for (FeedLines.Line line : BodyReader.lines(body == null ? new byte[0] : body, config.maxBulkLines())) {
            if (!line.ok()) {
                out.add(notUtf8(line));
                continue;
            }
            StrictJson.Parsed parsed = reader.parseLine(line.text());
            out.add(parsed.ok()
                    ? IngestService.Candidate.of(line.number(), parsed.node())
                    : IngestService.Candidate.refused(line.number(), new FieldError("line", parsed.error())));
        }
        return out;
    }

    public List<IngestService.Candidate> gdelt(byte[] body, boolean zipped, String principal) {
        BodyReader.checkSize(body, config.maxGdeltBytes(), "the GDELT file");
        byte[] tsv = zipped ? BodyReader.unzip(body, config.maxGdeltBytes()) : (body == null ? new byte[0] : body);
        String source = principal != null ? principal : GDELT_SOURCE;
        List<IngestService.Candidate> out = new ArrayList<>();
        for (FeedLines.Line line : BodyReader.lines(tsv, Integer.MAX_VALUE)) {
            if (!line.ok()) {
                out.add(notUtf8(line));
                continue;
            }
            GdeltRowMapper.Mapped mapped = GdeltRowMapper.mapLine(line.text(), source);
            if (mapped.skipReason() != null) {
                out.add(IngestService.Candidate.skipped(line.number(), mapped.skipReason()));
            } else if (mapped.error() != null) {
                out.add(IngestService.Candidate.refused(line.number(), new FieldError("row", mapped.error())));
            } else {
                out.add(IngestService.Candidate.of(line.number(), mapped.body()));
            }
        }
        return out;
    }

    /** A line that is not UTF-8 is refused alone (never decoded with U+FFFD into an event); the others go on. */
    private static IngestService.Candidate notUtf8(FeedLines.Line line) {
        return IngestService.Candidate.refused(line.number(), new FieldError("line", line.error()));
    }
}
