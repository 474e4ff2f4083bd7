package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.georisk.contracts.HeaderNames;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FeedResourceTest {

    private static String createFeed(String name) {
        return As.ops().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/feeds").then().statusCode(201).body("feed", equalTo(name)).extract().path("key");
    }

    private static io.restassured.response.ValidatableResponse authenticate(String key) {
        return As.gateway().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\"}").post("/feeds/authenticate").then();
    }

    @Test
    void managingFeedsNeedsTheOpsRole() {
        given().contentType(ContentType.JSON).body("{\"name\":\"no-token\"}").post("/feeds")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        // the retired headers are ignored: without a token they are as good as nothing
        given().contentType(ContentType.JSON).header(HeaderNames.ROLE, "OPS").header(HeaderNames.PRINCIPAL, "anyone")
                .body("{\"name\":\"forged\"}").post("/feeds").then().statusCode(401);
        As.gateway().contentType(ContentType.JSON).body("{\"name\":\"gateway\"}").post("/feeds").then().statusCode(403);
        As.analyst().contentType(ContentType.JSON).body("{\"name\":\"analyst\"}").post("/feeds")
                .then().statusCode(403);
        As.feed("any").get("/feeds").then().statusCode(403);
        As.feed("any").delete("/feeds/any").then().statusCode(403);
    }

    @Test
    void aKeyAuthenticatesItsFeedUntilRevoked() {
        String name = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String key = createFeed(name);
        authenticate(key).statusCode(200).body("feed", equalTo(name));
        authenticate("grf_unknown").statusCode(401).contentType(startsWith("application/problem+json"));
        As.ops().delete("/feeds/" + name).then().statusCode(204);
        authenticate(key).statusCode(401);
        String rotated = As.ops().post("/feeds/" + name + "/key")
                .then().statusCode(200).extract().path("key");
        authenticate(rotated).statusCode(200).body("feed", equalTo(name));
        authenticate(key).statusCode(401);
        As.ops().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/feeds")
                .then().statusCode(409);
    }

    @Test
    void theDevelopmentKeyIsNotAcceptedOutsideTheLocalProfile() {
        authenticate("dev-feed-key").statusCode(401);
    }

    @Test
    void countersFollowWhatTheFeedPosted() {
        String name = "count-" + UUID.randomUUID().toString().substring(0, 8);
        createFeed(name);
        String good = "{\"externalId\":\"c-1\",\"occurredAt\":\"1905-01-01T00:00:00Z\",\"actor1\":\"ARM\",\"actor2\":\"USA\",\"cameoCode\":\"042\"}";
        As.feed(name).contentType(ContentType.JSON).body(good).post("/events").then().statusCode(202);
        As.feed(name).contentType(ContentType.JSON).body("{\"externalId\":\"c-2\"}").post("/events")
                .then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertTrue(EventsTopic.eventually(
                () -> EventResourceTest.total("ARM-USA", "1905-01-01T00:00:00Z", "1905-01-02T00:00:00Z") == 1));
        As.feed(name).contentType(ContentType.JSON).body(good).post("/events")
                .then().statusCode(200).body("duplicate", equalTo(true));
        As.ops().get("/feeds").then().statusCode(200)
                .body("find { it.name == '" + name + "' }.accepted", equalTo(1))
                .body("find { it.name == '" + name + "' }.rejected", equalTo(1))
                .body("find { it.name == '" + name + "' }.duplicates", equalTo(1))
                .body("find { it.name == '" + name + "' }.lastSeenAt", notNullValue())
                .body("find { it.name == '" + name + "' }.keyHash", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFeedNameMustBeUsableAsASource() {
        As.ops().contentType(ContentType.JSON).body("{\"name\":\"Bad Name!\"}").post("/feeds")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aFeedCarriesItsOwnRateLimitToTheGateway() {
        String name = "limited-" + UUID.randomUUID().toString().substring(0, 8);
        String key = As.ops().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"requestsPerSecond\":20,\"burst\":40}")
                .post("/feeds").then().statusCode(201).extract().path("key");
        authenticate(key).statusCode(200).body("requestsPerSecond", equalTo(20.0f)).body("burst", equalTo(40));
        As.ops().contentType(ContentType.JSON).body("{\"requestsPerSecond\":300.5,\"burst\":900}")
                .put("/feeds/" + name + "/rate-limit").then().statusCode(200).body("burst", equalTo(900));
        authenticate(key).statusCode(200).body("requestsPerSecond", equalTo(300.5f)).body("burst", equalTo(900));
        As.ops().get("/feeds").then().statusCode(200)
                .body("find { it.name == '" + name + "' }.rateLimit.burst", equalTo(900))
                .body("find { it.name == '" + name + "' }.defaultRateLimit", equalTo(false));
        // back to the configured default (application.properties: 1000/s, burst 5000)
        As.ops().delete("/feeds/" + name + "/rate-limit").then().statusCode(200);
        authenticate(key).statusCode(200).body("requestsPerSecond", equalTo(1000.0f)).body("burst", equalTo(5000));
    }

    @Test
    void aWrongRateLimitIsRefusedFieldByField() {
        String name = "wrong-limit-" + UUID.randomUUID().toString().substring(0, 8);
        createFeed(name);
        As.ops().contentType(ContentType.JSON).body("{\"requestsPerSecond\":0,\"burst\":1.5}")
                .put("/feeds/" + name + "/rate-limit").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("requestsPerSecond", "burst"));
        As.ops().contentType(ContentType.JSON).body("{\"requestsPerSecond\":5,\"burst\":5}")
                .put("/feeds/no-such-feed/rate-limit").then().statusCode(404);
        As.feed(name).contentType(ContentType.JSON).body("{\"requestsPerSecond\":5,\"burst\":5}")
                .put("/feeds/" + name + "/rate-limit").then().statusCode(403);
    }
}
