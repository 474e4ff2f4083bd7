package org.georisk.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.events.FeedLines;
import org.georisk.contracts.events.StrictJson;
import org.georisk.contracts.events.Utf8Text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Turns request bodies into JSON trees and lines, with bounds; everything unreadable is a 400 or 413, never a 5xx.
 * The parsing itself is contracts' {@link StrictJson} and {@link FeedLines}, shared with the backtest.
 */
public final class BodyReader {

    private final StrictJson json;

    public BodyReader(ObjectMapper mapper) {
        this.json = new StrictJson(mapper);
    }

    /** Parses one JSON value; bytes that are not UTF-8 or a syntax error become an error on field {@code field}. */
    public JsonNode parse(byte[] body, String field) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("empty body", List.of(new FieldError(field, "is empty")));
            }
            return node;
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new InvalidRequestException(Utf8Text.NOT_UTF8, List.of(new FieldError(field, e.getMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("not valid JSON",
                    List.of(new FieldError(field, "not valid JSON: " + shorten(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new InvalidRequestException("unreadable body", List.of(new FieldError(field, "unreadable: " + shorten(e.getMessage()))));
        }
    }

    /** One line of a multi-line body: its tree, or why it is none. */
    public StrictJson.Parsed parseLine(String text) {
        return json.parseLine(text);
    }

    public static void checkSize(byte[] body, int max, String what) {
        if (body != null && body.length > max) {
            throw new PayloadTooLargeException(what + " is " + body.length + " bytes; at most " + max + " are accepted");
        }
    }

    /**
     * Non-blank lines of a UTF-8 body, CR LF or LF, a leading byte-order mark dropped; a line that is not UTF-8 comes
     * with its error ({@link FeedLines.Line#ok()}). Refuses more than {@code maxLines}.
     */
    public static List<FeedLines.Line> lines(byte[] body, int maxLines) {
        List<FeedLines.Line> lines = FeedLines.split(body);
        if (lines.size() > maxLines) {
            throw new PayloadTooLargeException("more than " + maxLines + " lines in one request; split the file");
        }
        return lines;
    }

    /** The concatenated content of every file in a zip (GDELT ships one .export.CSV per zip), bounded. */
    public static byte[] unzip(byte[] zip, int maxBytes) {
        FeedLines.Unzipped unzipped;
        try {
            unzipped = FeedLines.unzip(new ByteArrayInputStream(zip), maxBytes);
        } catch (FeedLines.TooLargeException e) {
            throw new PayloadTooLargeException(e.getMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("not a readable zip file",
                    List.of(new FieldError("body", "not a readable zip file: " + shorten(e.getMessage()))));
        }
        if (unzipped.files() == 0) {
            throw new InvalidRequestException("empty zip file", List.of(new FieldError("body", "the zip file holds no file")));
        }
        return unzipped.content();
    }

    static String shorten(String message) {
        return StrictJson.shorten(message);
    }
}
