package org.georisk.contracts.events;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedLinesTest {

    @Test
    void blankLinesAreSkippedButCountedAndCrLfIsOneBreak() {
        List<FeedLines.Line> lines = FeedLines.split("a\r\n\n  \nb\nc".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new FeedLines.Line(1, "a"), new FeedLines.Line(4, "b"), new FeedLines.Line(5, "c")), lines);
    }

    @Test
    void aLeadingByteOrderMarkIsNoPartOfTheFirstLine() {
        byte[] withBom = bytes(0xEF, 0xBB, 0xBF, 'a', '\n', 'b');
        assertEquals(List.of(new FeedLines.Line(1, "a"), new FeedLines.Line(2, "b")), FeedLines.split(withBom));
    }

    @Test
    void aLineThatIsNotUtf8IsReturnedWithItsErrorAndTheOthersAreRead() {
        // line 2: "/" as an overlong two-byte sequence; line 3: a lone continuation byte; line 4: a truncated sequence
        byte[] body = bytes('a', '\n', 0xC0, 0xAF, '\n', 'x', 0x80, '\r', '\n', 0xE2, 0x82, '\n', 0xC3, 0xA9);
        List<FeedLines.Line> lines = FeedLines.split(body);
        assertEquals(5, lines.size());
        assertEquals(new FeedLines.Line(1, "a"), lines.get(0));
        for (int i = 1; i <= 3; i++) {
            assertEquals(i + 1, lines.get(i).number());
            assertEquals(null, lines.get(i).text());
            assertTrue(lines.get(i).error().startsWith(Utf8Text.NOT_UTF8), lines.get(i).error());
        }
        assertEquals(new FeedLines.Line(5, "\u00e9"), lines.get(4));
    }

    @Test
    void aByteOrderMarkOpeningAZippedFileIsDropped() throws IOException {
        byte[] zip = zip("one.CSV", "\uFEFFr1\n", "two.CSV", "\uFEFFr2");
        assertEquals("r1\nr2\n", new String(FeedLines.unzip(new ByteArrayInputStream(zip), 100).content(),
                StandardCharsets.UTF_8));
    }

    @Test
    void theFilesOfAZipAreJoinedLineByLine() throws IOException {
        byte[] zip = zip("one.CSV", "r1", "two.CSV", "r2\n");
        FeedLines.Unzipped u = FeedLines.unzip(new ByteArrayInputStream(zip), 100);
        assertEquals(2, u.files());
        assertEquals("r1\nr2\n", new String(u.content(), StandardCharsets.UTF_8));
    }

    @Test
    void aZipLargerThanTheBoundIsRefused() throws IOException {
        byte[] zip = zip("one.CSV", "x".repeat(200));
        assertThrows(FeedLines.TooLargeException.class, () -> FeedLines.unzip(new ByteArrayInputStream(zip), 100));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
