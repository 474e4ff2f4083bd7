package org.georisk.contracts.events;

import org.georisk.contracts.FieldError;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.Problem;

import java.util.List;

/**
 * The media types an event post is read as, and the 415 both the gateway and ingest-service give for any other or
 * for none: without a Content-Type a body could be read as one event or as a bulk, so nothing is guessed.
 */
public final class PostedMediaTypes {

    /** {@code POST /events}: one event, or one event a line. */
    public static final List<String> EVENTS = List.of("application/json", HeaderNames.NDJSON);

    private PostedMediaTypes() {
    }

    /** The 415 problem: the detail and {@code errors[]} (field Content-Type) list what is accepted. */
    public static Problem unsupported(String contentType, List<String> accepted) {
        String given = contentType == null || contentType.isBlank() ? "no Content-Type" : "Content-Type '"
                + StrictJson.shorten(contentType) + "'";
        String list = String.join(", ", accepted);
        return new Problem("https://georisk.org/problems/unsupported-media-type", "Unsupported Media Type", 415,
                given + " is not accepted here; send one of: " + list, null,
                List.of(new FieldError("Content-Type", "must be one of " + list)));
    }

    /** Whether a request carried a Content-Type at all. */
    public static boolean missing(String contentType) {
        return contentType == null || contentType.isBlank();
    }
}
