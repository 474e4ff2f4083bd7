package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.HeaderNames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventResourceTest {

    static String event(String externalId, String occurredAt, String actor1, String actor2, String cameo) {
        return """
                {"source":"test-feed","externalId":"%s","occurredAt":"%s","actor1":"%s","actor2":"%s","cameoCode":"%s",
                 "headline":"test event","mentions":3}""".formatted(externalId, occurredAt, actor1, actor2, cameo);
    }

    static Response post(String body) {
        return As.testFeed().contentType(ContentType.JSON).body(body).post("/events");
    }

    @Test
    void anEventIsAcceptedOnlyOnceOnTheTopicWithItsPairKey() {
        String id = "single-" + UUID.randomUUID();
        UUID eventId = EventIds.eventId("test-feed", id);
        post(event(id, "2025-02-10T09:00:00Z", "AZE", "RUS", "161"))
                .then().statusCode(202)
                .body("eventId", equalTo(eventId.toString()))
                .body("pair", equalTo("AZE-RUS"))
                .body("duplicate", equalTo(false));
        var records = EventsTopic.records("georisk.events", r -> r.value().contains(eventId.toString()), 1);
        assertEquals(1, records.size());
        assertEquals("AZE-RUS", records.get(0).key());
        GeoEvent e = EventsTopic.parse(records.get(0).value());
        assertEquals(-4.0, e.goldstein()); // 161 from the CAMEO table
        assertEquals(3, e.mentions());
        assertEquals(4, e.quadClass());
    }

    @Test
    void everyFailingFieldIsNamedInAProblem() {
        post("""
                {"source":"test-feed","externalId":"x","occurredAt":"yesterday","actor1":"ZZZ","actor2":"EUR",
                 "cameoCode":"999","goldstein":11,"mentions":0,"category":"NICE","headline":%s,"url":"ftp://x"}"""
                .formatted("\"" + "h".repeat(600) + "\""))
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("occurredAt", "actor1", "actor2", "cameoCode", "goldstein", "mentions",
                        "category", "headline", "url"));
    }

    @Test
    void aRequiredFieldMissingIsNamed() {
        post("{\"source\":\"test-feed\",\"occurredAt\":\"2025-04-07T00:00:00Z\",\"actor1\":\"RUS\",\"cameoCode\":\"036\"}")
                .then().statusCode(400).body("errors.field", hasItems("externalId"));
    }

    @Test
    void theFeedPrincipalIsTheSource() {
        String id = "principal-" + UUID.randomUUID();
        String body = "{\"externalId\":\"%s\",\"occurredAt\":\"2025-04-06T12:00:00Z\",\"actor1\":\"RUS\",\"actor2\":\"ARM\",\"cameoCode\":\"036\"}"
                .formatted(id);
        As.feed("culture-desk").contentType(ContentType.JSON).body(body).post("/events")
                .then().statusCode(202).body("eventId", equalTo(EventIds.eventId("culture-desk", id).toString()));
        As.feed("culture-desk").contentType(ContentType.JSON)
                .body(event(id, "2025-04-06T12:00:00Z", "RUS", "ARM", "036")) // says source test-feed
                .post("/events")
                .then().statusCode(400).body("errors.field", hasItems("source"));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String huge = "{\"headline\":\"" + "x".repeat(1024 * 1024) + "\"}";
        post(huge).then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnsupportedMediaTypeIsAProblem() {
        As.testFeed().contentType("application/xml").body("<event/>").post("/events")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRePostIsADuplicateAndTheArchiveHoldsItOnce() {
        String id = "dup-" + UUID.randomUUID();
        String body = event(id, "1901-03-01T00:00:00Z", "GEO", "RUS", "042");
        post(body).then().statusCode(202).body("duplicate", equalTo(false));
        // a re-post racing the archive is published again; the archive (and the stream) drop it by eventId
        int immediate = post(body).then().extract().statusCode();
        assertTrue(immediate == 202 || immediate == 200, "status " + immediate);
        assertTrue(EventsTopic.eventually(() -> total("GEO-RUS", "1901-01-01T00:00:00Z", "1902-01-01T00:00:00Z") == 1));
        post(body).then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("eventId", equalTo(EventIds.eventId("test-feed", id).toString()));
        // nothing new reaches the archive after the duplicate answer
        int published = immediate == 202 ? 2 : 1;
        assertEquals(published, EventsTopic.events(e -> id.equals(e.externalId()), published).size());
        assertEquals(1, total("GEO-RUS", "1901-01-01T00:00:00Z", "1902-01-01T00:00:00Z"));
    }

    @Test
    void theArchiveListsEachEventOnceNewestFirstInPages() {
        String run = UUID.randomUUID().toString();
        List<String> times = List.of("1903-01-05T00:00:00Z", "1903-01-01T00:00:00Z", "1903-01-03T00:00:00Z");
        for (int i = 0; i < times.size(); i++) {
            post(event(run + "-" + i, times.get(i), "TUR", "AZE", "057")).then().statusCode(202);
        }
        post(event(run + "-0", times.get(0), "TUR", "AZE", "057")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 202));
        assertTrue(EventsTopic.eventually(() -> total("AZE-TUR", "1903-01-01T00:00:00Z", "1904-01-01T00:00:00Z") == 3));
        As.analyst().queryParam("pair", "tur-aze").queryParam("from", "1903-01-01T00:00:00Z").queryParam("to", "1904-01-01T00:00:00Z")
                .queryParam("size", 2).get("/events")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("events.occurredAt", org.hamcrest.Matchers.contains("1903-01-05T00:00:00Z", "1903-01-03T00:00:00Z"));
        As.analyst().queryParam("pair", "AZE-TUR").queryParam("from", "1903-01-01T00:00:00Z").queryParam("to", "1904-01-01T00:00:00Z")
                .queryParam("size", 2).queryParam("page", 1).get("/events")
                .then().statusCode(200)
                .body("events.occurredAt", org.hamcrest.Matchers.contains("1903-01-01T00:00:00Z"))
                .body("events[0].category", equalTo("DIPLOMATIC"));
    }

    @Test
    void badQueryParametersAreNamed() {
        As.analyst().queryParam("pair", "AZE-XXX").queryParam("from", "soon").queryParam("size", 0).get("/events")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("pair", "from", "size"))
                .body("detail", containsString("invalid"));
    }

    static int total(String pair, String from, String to) {
        return As.analyst().queryParam("pair", pair).queryParam("from", from).queryParam("to", to).get("/events")
                .then().statusCode(200).extract().path("total");
    }
}
