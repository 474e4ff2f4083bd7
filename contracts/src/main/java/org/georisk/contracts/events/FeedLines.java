package org.georisk.contracts.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The lines of a feed file (NDJSON, GDELT TSV) and the content of a GDELT zip, read the same way by ingest-service (a
 * request body) and the backtest (a file), so that a line number means the same thing in both.
 */
public final class FeedLines {

    /**
     * One non-blank line, numbered from 1 as it appears in the file (blank lines count, so numbers match an editor).
     *
     * @param text  the line, or null when it is not valid UTF-8
     * @param error why the line has no text ({@link Utf8Text#NOT_UTF8} and where), or null
     */
    public record Line(int number, String text, String error) {
        public Line(int number, String text) {
            this(number, text, null);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** The content of a zip's files, joined line by line, and how many files it held. */
    public record Unzipped(byte[] content, int files) {
    }

    /** The unzipped content would exceed the caller's bound. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    private FeedLines() {
    }

    /**
     * Non-blank lines of UTF-8 text, CR LF or LF; a leading byte-order mark is dropped. Each line is decoded on its
     * own, strictly: a line that is not UTF-8 is returned with its error (and no text) so that the caller refuses that
     * line alone. Splitting on the byte 0x0A is safe because it never occurs inside a multi-byte UTF-8 sequence.
     */
    public static List<Line> split(byte[] utf8) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = Utf8Text.bomLength(utf8, 0, utf8.length);
        while (start <= utf8.length) {
            int end = start;
            while (end < utf8.length && utf8[end] != '\n') {
                end++;
            }
            number++;
            int last = end > start && utf8[end - 1] == '\r' ? end - 1 : end;
            try {
                String line = Utf8Text.decode(utf8, start, last);
                if (!line.isBlank()) {
                    lines.add(new Line(number, line));
                }
            } catch (Utf8Text.NotUtf8Exception e) {
                lines.add(new Line(number, null, e.getMessage()));
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * The concatenated content of every file in a zip (GDELT ships one .export.CSV per zip); entries are joined line
     * by line, so a last line without its newline does not run into the next file's first.
     *
     * @throws TooLargeException when the content exceeds {@code maxBytes}
     * @throws IOException       when the stream is not a readable zip
     */
    public static Unzipped unzip(InputStream zip, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int files = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            byte[] buffer = new byte[65536];
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                files++;
                int n;
                int last = '\n';
                // a byte-order mark opening a zipped file would otherwise sit inside the joined content
                byte[] head = in.readNBytes(3);
                int skip = Utf8Text.bomLength(head, 0, head.length);
                if (head.length > skip) {
                    if (out.size() + (long) head.length > maxBytes) {
                        throw new TooLargeException("the unzipped file exceeds " + maxBytes + " bytes");
                    }
                    out.write(head, skip, head.length - skip);
                    last = head[head.length - 1];
                }
                while ((n = in.read(buffer)) > 0) {
                    if (out.size() + (long) n > maxBytes) {
                        throw new TooLargeException("the unzipped file exceeds " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                    last = buffer[n - 1];
                }
                if (last != '\n') {
                    out.write('\n');
                }
            }
        } catch (IllegalArgumentException e) { // ZipInputStream's answer to a malformed entry name
            throw new IOException(e.getMessage(), e);
        }
        return new Unzipped(out.toByteArray(), files);
    }
}
