package org.georisk.contracts.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The lines of a feed file (NDJSON, GDELT TSV) and the content of a GDELT zip, read the same way by ingest-service (a
 * request body) and the backtest (a file), so that a line number means the same thing in both.
 */
public final class FeedLines {

    /** One non-blank line, numbered from 1 as it appears in the file (blank lines count, so numbers match an editor). */
    public record Line(int number, String text) {
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

    /** Non-blank lines of UTF-8 text, CR LF or LF. */
    public static List<Line> split(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
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
                lines.add(new Line(number, line));
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
