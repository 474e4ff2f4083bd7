package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.HeaderNames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class BulkIngestTest {

    @Test
    void goodLinesAreAcceptedAndBadLinesReportedByNumber() {
        String run = "bulk-" + UUID.randomUUID();
        String body = String.join("\n",
                EventResourceTest.event(run + "-1", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", ""),
                "{\"source\":\"test-feed\",\"externalId\":", // line 2: truncated JSON
                EventResourceTest.event(run + "-3", "2025-04-07T10:00:00Z", "RUS", "XXX", "046").replace("\n", ""),
                "",                                            // line 4: blank, not counted
                EventResourceTest.event(run + "-1", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", ""),
                EventResourceTest.event(run + "-6", "2025-04-06T10:00:00Z", "RUS", "ARM", "0311").replace("\n", ""),
                "[1,2,3]") + "\n";
        As.testFeed().contentType(HeaderNames.NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/events")
                .then().statusCode(200)
                .body("read", equalTo(6))
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(3))
                .body("lines.find { it.line == 2 }.status", equalTo("REJECTED"))
                .body("lines.find { it.line == 2 }.errors[0].field", equalTo("line"))
                .body("lines.find { it.line == 3 }.errors.field", hasItem("actor2"))
                .body("lines.find { it.line == 5 }.status", equalTo("DUPLICATE"))
                .body("lines.find { it.line == 6 }.status", equalTo("ACCEPTED"))
                .body("lines.find { it.line == 7 }.errors[0].field", equalTo("body"));
        List<GeoEvent> published = EventsTopic.events(e -> e.externalId() != null && e.externalId().startsWith(run), 2);
        assertEquals(Map.of(run + "-1", 1L, run + "-6", 1L),
                published.stream().collect(Collectors.groupingBy(GeoEvent::externalId, Collectors.counting())));
    }

    @Test
    void moreThanTenThousandLinesAreRefused() {
        String line = EventResourceTest.event("x", "2025-04-07T10:00:00Z", "RUS", "AZE", "046").replace("\n", "") + "\n";
        As.testFeed().contentType(HeaderNames.NDJSON).body(line.repeat(10_001).getBytes(StandardCharsets.UTF_8)).post("/events")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aGdeltExportRoundTripsToTheTopic() throws IOException {
        String feed = "gdelt-test-" + UUID.randomUUID().toString().substring(0, 8);
        As.feed(feed).contentType(HeaderNames.TSV).body(testFile()).post("/events/gdelt")
                .then().statusCode(200)
                .body("read", equalTo(8))
                .body("accepted", equalTo(5))
                .body("skipped.no-country-actor", equalTo(2))
                .body("rejected", equalTo(1))
                .body("lines.find { it.line == 7 }.errors[0].field", equalTo("cameoCode"));
        Map<String, GeoEvent> byId = EventsTopic.events(e -> feed.equals(e.source()), 5).stream()
                .collect(Collectors.toMap(GeoEvent::externalId, e -> e));
        assertEquals(5, byId.size());
        GeoEvent talks = byId.get("1231000001");
        assertEquals(EventIds.eventId(feed, "1231000001"), talks.eventId());
        assertEquals("AZE-RUS", talks.pairKey());
        assertEquals("046", talks.cameoCode());
        assertEquals(7.0, talks.goldstein());
        assertEquals(10, talks.mentions());
        assertEquals(Instant.parse("2025-04-07T11:45:00Z"), talks.occurredAt());
        assertEquals("https://example.org/2025/04/07/russian-house-talks", talks.url());
        assertEquals("ARM-EU", byId.get("1231000003").pairKey());          // IGOEUREEC → EU
        assertEquals("ARM", byId.get("1231000005").actor1());               // WST is a region: one-actor event
        assertNull(byId.get("1231000005").actor2());
        assertEquals(Instant.parse("2025-04-05T00:00:00Z"), byId.get("1231000008").occurredAt()); // SQLDATE
    }

    @Test
    void aZippedGdeltExportIsRead() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("20250407114500.export.CSV"));
            out.write(testFile());
            out.closeEntry();
        }
        String feed = "gdelt-zip-" + UUID.randomUUID().toString().substring(0, 8);
        As.feed(feed).contentType("application/zip").body(zip.toByteArray()).post("/events/gdelt")
                .then().statusCode(200).body("read", equalTo(8)).body("accepted", equalTo(5));
        As.testFeed().contentType("application/zip").body("not a zip".getBytes()).post("/events/gdelt")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    static byte[] testFile() throws IOException {
        try (InputStream in = BulkIngestTest.class.getResourceAsStream("/gdelt/test.export.CSV")) {
            return in.readAllBytes();
        }
    }
}
