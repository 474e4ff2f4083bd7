package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.georisk.contracts.HeaderNames;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A re-post right after the first answer is a duplicate even though the archive has not stored the first one (here it
 * never does): the feed and its counters are told the truth, and the topic holds the event once.
 */
@QuarkusTest
@TestProfile(NoArchiveProfile.class)
class RepostBeforeArchiveTest {

    private static String event(String externalId) {
        return "{\"externalId\":\"" + externalId + "\",\"occurredAt\":\"2024-03-01T00:00:00Z\","
                + "\"actor1\":\"GEO\",\"actor2\":\"TUR\",\"cameoCode\":\"042\"}";
    }

    @Test
    void aSingleRepostIsADuplicateAndPublishedOnce() {
        String id = "repost-" + UUID.randomUUID();
        String eventId = As.testFeed().contentType(ContentType.JSON).body(event(id)).post("/events")
                .then().statusCode(202).body("duplicate", equalTo(false)).extract().path("eventId");
        As.testFeed().contentType(ContentType.JSON).body(event(id)).post("/events")
                .then().statusCode(200).body("duplicate", equalTo(true)).body("eventId", equalTo(eventId));
        assertEquals(1, EventsTopic.records(org.georisk.contracts.Topics.EVENTS,
                r -> r.value().contains(eventId), 1).size());
    }

    @Test
    void aBulkRepostCountsEveryLineAsADuplicate() {
        String run = UUID.randomUUID().toString();
        String body = event("bulk-a-" + run) + "\n" + event("bulk-b-" + run) + "\n";
        As.testFeed().contentType(HeaderNames.NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/events")
                .then().statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        As.testFeed().contentType(HeaderNames.NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/events")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
    }
}
