package org.georisk.contracts.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;

/**
 * How a posted event's JSON text becomes a tree. Trailing content and repeated keys make a body ambiguous: it is
 * refused rather than guessed at which value was meant. Bytes are decoded strictly as UTF-8 first ({@link Utf8Text}):
 * Jackson alone accepts overlong sequences (C0 AF becomes "/"), and a leading byte-order mark is dropped.
 */
public final class StrictJson {

    /** A parsed line, or why it could not be parsed. */
    public record Parsed(JsonNode node, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ObjectReader reader;

    public StrictJson(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @throws Utf8Text.NotUtf8Exception when the bytes are not UTF-8
     * @throws IOException               on a syntax error (a {@link JsonProcessingException}) or an unreadable input
     */
    public JsonNode readTree(byte[] json) throws IOException {
        return reader.readTree(Utf8Text.decode(json));
    }

    /** One line of a multi-line body: its tree, or the reason it is no event ("empty", "not valid JSON: …"). */
    public Parsed parseLine(String text) {
        try {
            JsonNode node = reader.readTree(Utf8Text.stripBom(text));
            return node == null || node.isMissingNode() ? new Parsed(null, "empty") : new Parsed(node, null);
        } catch (IOException e) {
            return new Parsed(null, "not valid JSON: " + shorten(
                    e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
    }

    /** One line of at most 200 characters, for an error message. */
    public static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
