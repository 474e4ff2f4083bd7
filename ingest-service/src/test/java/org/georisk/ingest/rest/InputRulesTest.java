package org.georisk.ingest.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: bad input is a clear 4xx (or that line REJECTED) and never reaches the archive half-read. */
@QuarkusTest
class InputRulesTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TestHTTPResource("/events")
    URI events;

    @Test
    void aNumericExternalIdOfMoreThan200DigitsIsRefusedAnd200AreArchived() {
        String tooLong = "{\"externalId\":%s,\"occurredAt\":\"1913-03-01T00:00:00Z\",\"actor1\":\"GEO\",\"actor2\":\"TUR\",\"cameoCode\":\"036\"}";
        As.testFeed().contentType(ContentType.JSON).body(tooLong.formatted("9".repeat(250))).post("/events")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", contains("externalId"))
                .body("errors[0].reason", containsString("at most 200"));
        String id = "1" + randomDigits(199);
        As.testFeed().contentType(ContentType.JSON).body(tooLong.formatted(id)).post("/events")
                .then().statusCode(202).body("eventId", equalTo(EventIds.eventId(As.TEST_FEED, id).toString()));
        awaitArchived("GEO-TUR", "1913", 1);
    }

    @Test
    void aByteOrderMarkIsNoPartOfAJsonBodyAnNdjsonLineOrAGdeltId() {
        String id = "bom-" + UUID.randomUUID();
        As.testFeed().contentType(ContentType.JSON)
                .body(withBom(EventResourceTest.event(id, "2025-04-07T10:00:00Z", "RUS", "AZE", "046")))
                .post("/events")
                .then().statusCode(202).body("eventId", equalTo(EventIds.eventId(As.TEST_FEED, id).toString()));

        String line = EventResourceTest.event(id + "-nd", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", "");
        As.testFeed().contentType(HeaderNames.NDJSON).body(withBom(line + "\n" + line.replace("-nd", "-nd2"))).post("/events")
                .then().statusCode(200).body("accepted", equalTo(2)).body("lines[0].status", equalTo("ACCEPTED"));

        String feed = "bom-gdelt-" + UUID.randomUUID().toString().substring(0, 8);
        String gdeltId = randomDigits(12);
        String row = gdeltRow(gdeltId, "RUSSIA", "19140407103000");
        As.feed(feed).contentType(HeaderNames.TSV).body(withBom(row + "\n")).post("/events/gdelt")
                .then().statusCode(200).body("accepted", equalTo(1))
                .body("lines[0].eventId", equalTo(EventIds.eventId(feed, gdeltId).toString()));
        awaitArchived("AZE-RUS", "1914", 1);
        // the same file without the mark is the same row, not a second event
        As.feed(feed).contentType(HeaderNames.TSV).body(row + "\n").post("/events/gdelt")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
    }

    @Test
    void aJsonBodyThatIsNotUtf8IsRefusedNamingTheReason() {
        // "/" written as the overlong sequence C0 AF: read leniently it would be stored as "//"
        byte[] body = replace(EventResourceTest.event("utf8-" + UUID.randomUUID(), "2025-04-07T10:00:00Z", "RUS", "AZE", "046")
                .replace("test event", "a #/ b"), '#', 0xC0, 0xAF);
        As.testFeed().contentType(ContentType.JSON).body(body).post("/events")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("not valid UTF-8"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", startsWith("not valid UTF-8"));
    }

    @Test
    void anNdjsonOrGdeltLineThatIsNotUtf8IsRejectedAndTheOthersGoOn() {
        String run = "utf8-nd-" + UUID.randomUUID();
        String good = EventResourceTest.event(run + "-1", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", "");
        String bad = EventResourceTest.event(run + "-2", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", "")
                .replace("test event", "caf#");
        String third = good.replace(run + "-1", run + "-3");
        byte[] ndjson = replace(good + "\n" + bad + "\n" + third + "\n", '#', 0xC3, 0x28); // 0xC3 needs a continuation byte
        As.testFeed().contentType(HeaderNames.NDJSON).body(ndjson).post("/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("lines.find { it.line == 2 }.status", equalTo("REJECTED"))
                .body("lines.find { it.line == 2 }.errors[0].field", equalTo("line"))
                .body("lines.find { it.line == 2 }.errors[0].reason", startsWith("not valid UTF-8"));

        String feed = "utf8-gdelt-" + UUID.randomUUID().toString().substring(0, 8);
        String tsv = gdeltRow(randomDigits(12), "RUSSIA", "20250407103000") + "\n"
                + gdeltRow(randomDigits(12), "RUSSIA#", "20250407103000") + "\n"
                + gdeltRow(randomDigits(12), "RUSSIA", "20250407103000") + "\n";
        As.feed(feed).contentType(HeaderNames.TSV).body(replace(tsv, '#', 0xFF)).post("/events/gdelt")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("lines.find { it.line == 2 }.errors[0].field", equalTo("line"))
                .body("lines.find { it.line == 2 }.errors[0].reason", startsWith("not valid UTF-8"));
    }

    @Test
    void aPostWithoutContentTypeIs415ListingTheAcceptedTypes() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (URI uri : new URI[]{events, URI.create(events + "/gdelt")}) {
            // java.net.http sends no Content-Type unless told to
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", ServiceTokens.bearer(ServiceIdentity.INGEST, As.TEST_FEED, ServiceIdentity.FEED))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}\n{\"a\":2}\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode(), uri + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            String accepted = uri.getPath().endsWith("gdelt") ? HeaderNames.TSV : "application/json, application/x-ndjson";
            assertTrue(r.body().contains("no Content-Type") && r.body().contains(accepted), r.body());
        }
        As.testFeed().contentType("application/xml").body("<event/>").post("/events")
                .then().statusCode(415).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("Content-Type"))
                .body("errors[0].reason", equalTo("must be one of application/json, application/x-ndjson"));
    }

    static void awaitArchived(String pair, String year, int expected) {
        String from = year + "-01-01T00:00:00Z";
        String to = (Integer.parseInt(year) + 1) + "-01-01T00:00:00Z";
        await().atMost(Duration.ofSeconds(20)).until(() -> EventResourceTest.total(pair, from, to) == expected);
    }

    /** A GDELT 2.0 row: Russia (actor 1, named {@code name1}) and Azerbaijan, CAMEO 036. */
    static String gdeltRow(String id, String name1, String dateAdded) {
        String[] c = new String[61];
        Arrays.fill(c, "");
        c[0] = id;
        c[1] = dateAdded.substring(0, 8);
        c[5] = "RUS";
        c[6] = name1;
        c[7] = "RUS";
        c[15] = "AZE";
        c[16] = "AZERBAIJAN";
        c[17] = "AZE";
        c[26] = "036";
        c[31] = "2";
        c[59] = dateAdded;
        return String.join("\t", c);
    }

    static String randomDigits(int n) {
        StringBuilder digits = new StringBuilder();
        while (digits.length() < n) {
            digits.append(Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)));
        }
        return digits.substring(0, n);
    }

    private static byte[] withBom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(BOM, BOM.length + utf8.length);
        System.arraycopy(utf8, 0, out, BOM.length, utf8.length);
        return out;
    }

    /** The text as UTF-8 with every {@code marker} replaced by the given raw bytes. */
    private static byte[] replace(String text, char marker, int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b == marker) {
                for (int r : raw) {
                    out.write(r);
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
