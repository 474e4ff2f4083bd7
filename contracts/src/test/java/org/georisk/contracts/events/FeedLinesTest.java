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

class FeedLinesTest {

    @Test
    void blankLinesAreSkippedButCountedAndCrLfIsOneBreak() {
        List<FeedLines.Line> lines = FeedLines.split("a\r\n\n  \nb\nc".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new FeedLines.Line(1, "a"), new FeedLines.Line(4, "b"), new FeedLines.Line(5, "c")), lines);
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
