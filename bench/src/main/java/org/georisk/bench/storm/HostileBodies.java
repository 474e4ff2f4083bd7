package org.georisk.bench.storm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bodies of the storm's requests. Every event-shaped body names its request in its externalId (the hostile
 * marker, then the case and its number), so that an event that reached Kafka says which request let it through.
 * The tolerated bodies (valid events with extra fields or a BOM, which a tolerant reader may accept) carry the
 * calm marker instead, on the pair FJI-TON that no other test uses, and spoofed values that must never be
 * published: an eventId, a source and a pair of the sender's choosing.
 */
final class HostileBodies {

    static final String SPOOFED_EVENT_ID = "00000000-0000-0000-0000-000000000000";
    static final String SPOOF = "spoofed";

    private final String marker;
    private final String calmMarker;

    HostileBodies(String marker, String calmMarker) {
        this.marker = marker;
        this.calmMarker = calmMarker;
    }

    String id(String name, int n) {
        return marker + "-" + name + "-" + n;
    }

    /** A valid event under the hostile marker: the base the hostile variants break. */
    String event(String name, int n) {
        return event(id(name, n), "AZE", "RUS", "\"mentions\":2", "Storm " + name);
    }

    static String event(String externalId, String actor1, String actor2, String extra, String headline) {
        return "{\"externalId\":\"" + externalId + "\",\"occurredAt\":\"2025-04-01T10:00:00Z\",\"actor1\":\"" + actor1
                + "\",\"actor2\":\"" + actor2 + "\",\"cameoCode\":\"036\"," + extra + ",\"headline\":\"" + headline
                + "\"}";
    }

    /** A valid event under the calm marker, for cases about the request around it (headers, framing). */
    String calmEvent(String name, int n) {
        return event(calmMarker + "-" + name + "-" + n, "FJI", "TON", "\"mentions\":1", "Storm calm");
    }

    /** A valid event with fields the contract does not have, some of which try to choose what ingest decides. */
    String unknownFields(int n) {
        String extra = "\"mentions\":1,\"eventId\":\"" + SPOOFED_EVENT_ID + "\",\"source\":\"" + SPOOF
                + "\",\"pair\":\"" + SPOOF + "\",\"ingestedAt\":\"1970-01-01T00:00:00Z\",\"__proto__\":{\"admin\":true},"
                + "\"constructor\":{\"prototype\":{}},\"x" + n + "\":[1,{\"y\":null}]";
        return event(calmMarker + "-unknown-" + n, "FJI", "TON", extra, "Storm unknown fields");
    }

    byte[] withBom(int n) {
        return concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                event(calmMarker + "-bom-" + n, "FJI", "TON", "\"mentions\":1", "Storm BOM").getBytes(StandardCharsets.UTF_8));
    }

    /** Broken JSON of several shapes; n picks the shape. */
    String broken(int n) {
        String valid = event("broken", n);
        String[] shapes = {"{", "}", "{{}}", "[", "{\"externalId\":", "{\"a\":1,}", "{'externalId':'x'}",
                valid + "}", valid + valid, valid.replace(":", "="), "\"just a string\"", "null", "[]", "12",
                valid.replace("\"", ""), "{\"externalId\":\"" + id("broken", n) + "\u0000\"}", "\t \n", ""};
        return shapes[n % shapes.length];
    }

    /** A valid event cut somewhere inside. */
    String truncated(int n) {
        String valid = event("truncated", n);
        return valid.substring(0, 1 + (n * 37) % (valid.length() - 2));
    }

    /** An otherwise valid event whose text holds bytes that are not UTF-8. */
    byte[] invalidUtf8(int n) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}};
        String[] parts = event("utf8", n).split("Storm utf8", 2);
        return concat(parts[0].getBytes(StandardCharsets.UTF_8), bad[n % bad.length],
                parts[1].getBytes(StandardCharsets.UTF_8));
    }

    /** 10,000 levels of arrays or objects, bare or in an event's field. */
    String deepNesting(int n) {
        int depth = 10_000;
        StringBuilder s = new StringBuilder(depth * 8);
        boolean objects = n % 2 == 1;
        for (int i = 0; i < depth; i++) {
            s.append(objects ? "{\"a\":" : "[");
        }
        s.append('1');
        for (int i = 0; i < depth; i++) {
            s.append(objects ? '}' : ']');
        }
        return n % 3 == 2 ? event(id("nesting", n), "AZE", "RUS", "\"mentions\":" + s, "Storm nesting") : s.toString();
    }

    /** Numbers no double or int holds, and the non-JSON literals. */
    String hostileNumber(int n) {
        String[] numbers = {"1e400", "-1e400", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "01",
                "99999999999999999999999999999", "1" + "0".repeat(250), "+1", ".5"};
        String v = numbers[n % numbers.length];
        if (n % 3 == 2) {
            // as a numeric externalId: 250 digits is past the string bound, the others are no number at all
            String[] ids = {"1" + "0".repeat(250), "1e400", "NaN", "-Infinity", "0x10"};
            return "{\"externalId\":" + ids[n % ids.length] + ",\"occurredAt\":\"2025-04-01T10:00:00Z\","
                    + "\"actor1\":\"AZE\",\"actor2\":\"RUS\",\"cameoCode\":\"036\",\"headline\":\""
                    + id("number", n) + "\"}";
        }
        return event(id("number", n), "AZE", "RUS", "\"" + (n % 3 == 0 ? "goldstein" : "mentions") + "\":" + v,
                "Storm number");
    }

    /** Fields of the wrong JSON type. */
    String wrongType(int n) {
        String id = id("type", n);
        String[] bodies = {
                "{\"externalId\":\"" + id + "\",\"occurredAt\":true,\"actor1\":\"AZE\",\"actor2\":\"RUS\",\"cameoCode\":\"036\"}",
                "{\"externalId\":\"" + id + "\",\"occurredAt\":\"2025-04-01T10:00:00Z\",\"actor1\":123,\"actor2\":\"RUS\",\"cameoCode\":\"036\"}",
                "{\"externalId\":\"" + id + "\",\"occurredAt\":\"2025-04-01T10:00:00Z\",\"actor1\":\"AZE\",\"actor2\":[\"RUS\"],\"cameoCode\":\"036\"}",
                "{\"externalId\":\"" + id + "\",\"occurredAt\":\"2025-04-01T10:00:00Z\",\"actor1\":\"AZE\",\"actor2\":\"RUS\",\"cameoCode\":{}}",
                event(id, "AZE", "RUS", "\"mentions\":\"five\"", "Storm type"),
                event(id, "AZE", "RUS", "\"goldstein\":[1]", "Storm type"),
                event(id, "AZE", "RUS", "\"mentions\":2.5", "Storm type"),
                "{\"externalId\":{\"$ne\":null},\"occurredAt\":\"2025-04-01T10:00:00Z\",\"actor1\":\"AZE\",\"actor2\":\"RUS\",\"cameoCode\":\"036\",\"headline\":\"" + id + "\"}",
                "[" + event(id, "AZE", "RUS", "\"mentions\":1", "Storm type") + "]",
                event(id, "AZE", "RUS", "\"mentions\":-3", "Storm type"),
                event(id, "AZE", "AZE' OR '1'='1", "\"mentions\":1", "Storm type"),
                event(id, "AZE", "RUS", "\"mentions\":1,\"occurredAt\":\"9999-99-99T99:99:99Z\"", "Storm type")};
        return bodies[n % bodies.length];
    }

    /** About 5 MB: one event with a huge headline, or 5 MB of one character. */
    byte[] fiveMegabytes(int n) {
        int size = 5 * 1024 * 1024;
        if (n % 2 == 0) {
            return event(id("big", n), "AZE", "RUS", "\"mentions\":1", "x".repeat(size)).getBytes(StandardCharsets.UTF_8);
        }
        return "[".repeat(size).getBytes(StandardCharsets.US_ASCII);
    }

    /** 100,000 NDJSON lines, none a valid event: missing fields, broken lines, blank lines. */
    byte[] hundredThousandLines(int n) {
        StringBuilder s = new StringBuilder(100_000 * 40);
        for (int i = 0; i < 100_000; i++) {
            switch (i % 4) {
                case 0 -> s.append("{\"externalId\":\"").append(id("lines" + n, i)).append("\"}");
                case 1 -> s.append("{\"externalId\":");
                case 2 -> s.append("   ");
                default -> s.append("[1,2,3]");
            }
            s.append(n % 2 == 0 ? "\n" : "\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** NDJSON of a few invalid lines (a bulk with one good line would be partly accepted: none here is good). */
    String ndjson(int n) {
        return broken(n) + "\n" + truncated(n) + "\n" + wrongType(n) + "\n" + hostileNumber(n) + "\n";
    }

    /** GDELT export rows with the wrong number of columns, LF or CRLF, or 61 columns and no usable date. */
    String gdelt(int n) {
        int[] counts = {1, 10, 60, 62, 120, 61};
        int columns = counts[n % counts.length];
        String eol = n % 2 == 0 ? "\r\n" : "\n";
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            String[] cols = new String[columns];
            java.util.Arrays.fill(cols, "");
            cols[0] = String.valueOf(990_000_000L + n * 10L + r);
            if (columns > 60) {
                cols[1] = columns == 61 ? "2025xx01" : "20250401";
                cols[7] = "AZE";
                cols[17] = "RUS";
                cols[26] = "036";
                cols[31] = "2";
                cols[59] = columns == 61 ? "not-a-date" : "20250401100000";
                cols[60] = "https://example.org/" + id("gdelt", n);
            }
            rows.append(String.join("\t", cols)).append(eol);
        }
        return rows.toString();
    }

    /** A zip that is not a zip, or a small zip whose one entry unpacks to 20 MB of tabs. */
    byte[] zip(int n) {
        if (n % 2 == 0) {
            return ("PK\u0003\u0004" + id("zip", n)).getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("20250401.export.CSV"));
            byte[] tabs = "\t".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                zip.write(tabs);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
