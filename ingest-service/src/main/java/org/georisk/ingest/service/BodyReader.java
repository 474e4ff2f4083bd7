package org.georisk.ingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.georisk.contracts.FieldError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Turns request bodies into JSON trees and lines, with bounds; everything unreadable is a 400 or 413, never a 5xx. */
public final class BodyReader {

    /** One non-blank line of a multi-line body, numbered from 1 as it appears. */
    public record Line(int number, String text) {
    }

    private final ObjectReader reader;

    public BodyReader(ObjectMapper mapper) {
        // trailing content and repeated keys make a body ambiguous: refuse rather than guess which value was meant
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Parses one JSON value; a syntax error becomes an error on field {@code field}. */
    public JsonNode parse(byte[] json, String field) {
        try {
            JsonNode node = reader.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("empty body", List.of(new FieldError(field, "is empty")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("not valid JSON",
                    List.of(new FieldError(field, "not valid JSON: " + shorten(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new InvalidRequestException("unreadable body", List.of(new FieldError(field, "unreadable: " + shorten(e.getMessage()))));
        }
    }

    /** The message of a parse failure for a line, or null when it parsed; the tree goes to {@code out[0]}. */
    public String tryParse(String text, JsonNode[] out) {
        try {
            JsonNode node = reader.readTree(text);
            out[0] = node;
            return node == null || node.isMissingNode() ? "empty" : null;
        } catch (IOException e) {
            return "not valid JSON: " + shorten(e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage());
        }
    }

    public static void checkSize(byte[] body, int max, String what) {
        if (body != null && body.length > max) {
            throw new PayloadTooLargeException(what + " is " + body.length + " bytes; at most " + max + " are accepted");
        }
    }

    /** Non-blank lines of a UTF-8 body, CR LF or LF; refuses more than {@code maxLines}. */
    public static List<Line> lines(byte[] body, int maxLines) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isBlank()) {
                if (lines.size() == maxLines) {
                    throw new PayloadTooLargeException("more than " + maxLines + " lines in one request; split the file");
                }
                lines.add(new Line(number, line));
            }
            start = end + 1;
        }
        return lines;
    }

    /** The concatenated content of every file in a zip (GDELT ships one .export.CSV per zip), bounded. */
    public static byte[] unzip(byte[] zip, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[65536];
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                entries++;
                int n;
                int last = '\n';
                while ((n = in.read(buffer)) > 0) {
                    if (out.size() + n > maxBytes) {
                        throw new PayloadTooLargeException("the unzipped file exceeds " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                    last = buffer[n - 1];
                }
                if (last != '\n') { // entries are joined line by line
                    out.write('\n');
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRequestException("not a readable zip file",
                    List.of(new FieldError("body", "not a readable zip file: " + shorten(e.getMessage()))));
        }
        if (entries == 0) {
            throw new InvalidRequestException("empty zip file", List.of(new FieldError("body", "the zip file holds no file")));
        }
        return out.toByteArray();
    }

    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

}
