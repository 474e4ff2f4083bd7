package org.georisk.contracts.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Posted text is UTF-8 (RFC 8259 for JSON; GDELT publishes UTF-8): decoded strictly, so a malformed, overlong or
 * surrogate sequence is refused instead of silently becoming U+FFFD or another character, and a leading byte-order
 * mark is dropped, so a file saved "with BOM" gives the same events as one without.
 */
public final class Utf8Text {

    /** The reason every reader gives for a body or line that is not UTF-8. */
    public static final String NOT_UTF8 = "not valid UTF-8";

    private static final char BOM = '\uFEFF';

    /** The bytes are not UTF-8; the message names the first bad byte's offset. */
    public static final class NotUtf8Exception extends IOException {
        private final long offset;

        NotUtf8Exception(long offset) {
            super(NOT_UTF8 + " (malformed byte sequence at byte " + offset + ")");
            this.offset = offset;
        }

        /** Offset of the first malformed byte, from the start of what was decoded. */
        public long offset() {
            return offset;
        }
    }

    private Utf8Text() {
    }

    /** How many bytes a UTF-8 byte-order mark takes at {@code from} (3), or 0 when there is none. */
    public static int bomLength(byte[] bytes, int from, int to) {
        return to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF ? 3 : 0;
    }

    /** The text without a leading byte-order mark (for text already decoded by a caller). */
    public static String stripBom(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The whole array decoded strictly, a leading byte-order mark dropped. */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        int bom = bomLength(bytes, 0, bytes.length);
        return decode(bytes, bom, bytes.length);
    }

    /** Bytes {@code [from, to)} decoded strictly (a fresh decoder: CharsetDecoder is not thread-safe). */
    public static String decode(byte[] bytes, int from, int to) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new NotUtf8Exception(in.position() - from);
        }
        return out.flip().toString();
    }
}
