package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past its burst a key gets 429 with Retry-After; other keys are not affected. The profile also configures
 * development keys, which are then seeded and admitted with their roles.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
class RateLimitTest {

    @Inject
    ApiKeyService keys;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    @Test
    void aKeyOverItsBurstGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments").then().statusCode(200);
        }
        String retryAfter = given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 100, "Retry-After " + retryAfter);
        given().header("X-API-Key", TestKeys.OTHER_ANALYST).get("/api/v1/assessments").then().statusCode(200);
    }

    @Test
    void configuredDevelopmentKeysAreSeededWithTheirRoles() {
        given().header("X-API-Key", RateLimitProfile.DEV_ANALYST_KEY).get("/api/v1/subscriptions").then()
                .statusCode(200)
                .body("principal", equalTo("dev-analyst"))
                .body("role", equalTo("ANALYST"));
        given().header("X-API-Key", "dev-ops-key").get("/api/v1/ops/dead-letters").then()
                .statusCode(200)
                .body("principal", equalTo("dev-ops"));
        // the default analyst key was overridden, so it is not a key at all
        given().header("X-API-Key", "dev-analyst-key").get("/api/v1/subscriptions").then().statusCode(401);
    }

    @Test
    void aFeedGetsTheRateLimitItsRegistryGivesIt() {
        // the profile's default is burst 3; the slow feed's own limit is burst 2, the good feed's 5,000
        for (int i = 0; i < 2; i++) {
            given().header("X-API-Key", DownstreamStub.SLOW_FEED_KEY).contentType("application/json").body("{}")
                    .post("/api/v1/events").then().statusCode(202);
        }
        given().header("X-API-Key", DownstreamStub.SLOW_FEED_KEY).contentType("application/json").body("{}")
                .post("/api/v1/events").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        for (int i = 0; i < 6; i++) {
            given().header("X-API-Key", DownstreamStub.FEED_KEY).contentType("application/json").body("{}")
                    .post("/api/v1/events").then().statusCode(202);
        }
    }
}
