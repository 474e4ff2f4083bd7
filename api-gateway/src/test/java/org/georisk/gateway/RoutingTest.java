package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routing to the (stubbed) services: bodies pass unchanged both ways, problems and Retry-After included. */
@QuarkusTest
class RoutingTest {

    @Inject
    ApiKeyService keys;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    @Test
    void oneEventIsForwardedAsPosted() {
        String event = "{\"externalId\":\"e-1\",\"actor1\":\"AZE\",\"actor2\":\"RUS\",\"unknown\":[1,2]}";
        given().header("X-API-Key", TestKeys.FEED).contentType("application/json").body(event)
                .post("/api/v1/events").then()
                .statusCode(202)
                .body("path", equalTo("/events"))
                .body("contentType", startsWith("application/json"))
                .body("body", equalTo(event));
    }

    @Test
    void bulkAndGdeltKeepTheirMediaTypes() {
        String ndjson = "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n";
        given().header("X-API-Key", TestKeys.FEED).contentType("application/x-ndjson").body(ndjson.getBytes())
                .post("/api/v1/events").then()
                .statusCode(200)
                .body("contentType", startsWith("application/x-ndjson"))
                .body("body", equalTo(ndjson));
        String tsv = "1234567\t20250406\t202504\n";
        given().header("X-API-Key", TestKeys.FEED).contentType("text/tab-separated-values").body(tsv.getBytes())
                .post("/api/v1/events/gdelt").then()
                .statusCode(200)
                .body("path", equalTo("/events/gdelt"))
                .body("contentType", startsWith("text/tab-separated-values"))
                .body("body", equalTo(tsv));
    }

    @Test
    void aZippedGdeltFileArrivesByteForByte() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("20250406.export.CSV"));
            out.write("1\t2\t3\n".repeat(2000).getBytes());
            out.closeEntry();
        }
        given().header("X-API-Key", TestKeys.FEED).contentType("application/zip").body(zip.toByteArray())
                .post("/api/v1/events/gdelt").then()
                .statusCode(200)
                .body("contentType", equalTo("application/zip"))
                .body("bodyLength", equalTo(zip.size()));
    }

    @Test
    void queryParametersAreForwarded() {
        given().header("X-API-Key", TestKeys.ANALYST)
                .get("/api/v1/events?pair=AZE-RUS&from=2025-01-01T00:00:00Z&page=2&size=5").then()
                .statusCode(200)
                .body("path", equalTo("/events"))
                .body("query", equalTo("pair=AZE-RUS&from=2025-01-01T00%3A00%3A00Z&page=2&size=5"));
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments?actor=RUS&minLevel=HIGH").then()
                .statusCode(200)
                .body("path", equalTo("/assessments"))
                .body("query", equalTo("actor=RUS&minLevel=HIGH"));
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments/AZE-RUS?at=2025-05-01T00:00:00Z").then()
                .statusCode(200)
                .body("path", equalTo("/assessments/AZE-RUS"))
                .body("query", equalTo("at=2025-05-01T00%3A00%3A00Z"));
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments/AZE-RUS/history?from=2025-01-01T00:00:00Z").then()
                .statusCode(200)
                .body("path", equalTo("/assessments/AZE-RUS/history"));
        // the pair key is normalised before it reaches notification-service; a key that is no pair never does
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/alerts?pair=rus-aze&limit=20").then()
                .statusCode(200)
                .body("path", equalTo("/alerts"))
                .body("query", equalTo("pair=AZE-RUS&limit=20"));
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/alerts?pair=nonsense").then()
                .statusCode(400);
    }

    @Test
    void anUnknownLevelIsRefusedByTheGateway() {
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments?minLevel=PANIC").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("minLevel"));
    }

    @Test
    void aServiceProblemIsPassedThroughUnchanged() {
        Response response = given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments/BAD-PAIR");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(DownstreamStub.BAD_PROBLEM, response.asString());
    }

    @Test
    void retryAfterIsPassedThrough() {
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments/BUSY/history").then()
                .statusCode(503)
                .header("Retry-After", "7")
                .contentType("application/problem+json")
                .body("detail", equalTo("broker slow"));
    }

    @Test
    void anUnreachableServiceIs503WithRetryAfter() {
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/subscriptions/UNREACHABLE").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    @Test
    void subscriptionsAreCreatedListedAndDeleted() {
        given().header("X-API-Key", TestKeys.ANALYST).contentType("application/json")
                .body("{\"name\":\"caucasus\",\"pairs\":[\"AZE-RUS\"],\"minLevel\":\"ELEVATED\","
                        + "\"rules\":[{\"kind\":\"LEVEL_UP\"}],\"cooldownMinutes\":30}")
                .post("/api/v1/subscriptions").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/subscriptions/abc"))
                .body("body", equalTo("{\"name\":\"caucasus\",\"pairs\":[\"AZE-RUS\"],\"minLevel\":\"ELEVATED\","
                        + "\"rules\":[{\"kind\":\"LEVEL_UP\"}],\"cooldownMinutes\":30}"));
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/subscriptions/abc").then()
                .statusCode(200).body("path", equalTo("/subscriptions/abc"));
        given().header("X-API-Key", TestKeys.ANALYST).delete("/api/v1/subscriptions/abc").then().statusCode(204);
    }

    @Test
    void aBrokenSubscriptionBodyIsAProblemNotAnError() {
        given().header("X-API-Key", TestKeys.ANALYST).contentType("application/json").body("{\"name\": ")
                .post("/api/v1/subscriptions").then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("X-API-Key", TestKeys.ANALYST).contentType("application/json").body("{\"minLevel\": \"PANIC\"}")
                .post("/api/v1/subscriptions").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void opsRoutesReachIngestAndNotification() {
        given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/feeds").then()
                .statusCode(200).body("path", equalTo("/feeds"));
        given().header("X-API-Key", TestKeys.OPS).contentType("application/json").body("{\"name\":\"new-feed\"}")
                .post("/api/v1/ops/feeds").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/ops/feeds/new-feed"))
                .body("body", equalTo("{\"name\":\"new-feed\"}"));
        given().header("X-API-Key", TestKeys.OPS).post("/api/v1/ops/feeds/new-feed/key").then()
                .statusCode(200).body("path", equalTo("/feeds/new-feed/key"));
        given().header("X-API-Key", TestKeys.OPS).post("/api/v1/ops/dead-letters/d-1/resend").then()
                .statusCode(200).body("path", equalTo("/deliveries/dead-letters/d-1/resend"));
    }
}
