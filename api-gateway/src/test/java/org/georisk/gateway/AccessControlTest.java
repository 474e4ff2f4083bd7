package org.georisk.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.georisk.contracts.Role;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every role boundary of every path: 401 without or with an unknown key, 403 with another role's key. */
@QuarkusTest
class AccessControlTest {

    @Inject
    ApiKeyService keys;

    @TestHTTPResource("/api/v1/ws")
    URI ws;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    static List<Endpoint> endpoints() {
        return Endpoint.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutKeyIs401(Endpoint endpoint) {
        assertProblem(endpoint.call(null), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void unknownOrRevokedKeyIs401(Endpoint endpoint) {
        assertProblem(endpoint.call("no-such-key"), 401);
        assertProblem(endpoint.call(TestKeys.REVOKED), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void otherRolesAre403(Endpoint endpoint) {
        for (Role role : Role.values()) {
            if (role != endpoint.role()) {
                Response response = endpoint.call(TestKeys.of(role));
                assertProblem(response, 403);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void ownRoleGetsThrough(Endpoint endpoint) {
        if (endpoint.streaming()) {
            return; // an admitted stream never ends; LiveStreamTest reads them
        }
        int status = endpoint.call(TestKeys.of(endpoint.role())).statusCode();
        assertTrue(status < 400, endpoint + " answered " + status);
    }

    @Test
    void developmentKeysAreNotAcceptedOutsideTheLocalProfile() {
        given().header("X-API-Key", "dev-analyst-key").get("/api/v1/assessments").then().statusCode(401);
        given().header("X-API-Key", "dev-ops-key").get("/api/v1/ops/topics").then().statusCode(401);
    }

    @Test
    void keyInTheQueryIsOnlyTakenByTheLiveEndpoints() {
        given().queryParam("apiKey", TestKeys.ANALYST).get("/api/v1/assessments").then().statusCode(401);
        given().queryParam("apiKey", TestKeys.FEED).get("/api/v1/stream/alerts").then().statusCode(403);
    }

    @Test
    void theServicesLearnWhoIsCallingButNeverTheKey() {
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/subscriptions").then()
                .statusCode(200)
                .body("principal", equalTo(TestKeys.ANALYST_OWNER))
                .body("role", equalTo("ANALYST"))
                .body("apiKey", equalTo(null));
        given().header("X-API-Key", TestKeys.FEED).contentType("application/json").body("{}")
                .post("/api/v1/events").then()
                .statusCode(202)
                .body("principal", equalTo(DownstreamStub.FEED_NAME))
                .body("role", equalTo("FEED"));
        given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/dead-letters").then()
                .statusCode(200)
                .body("principal", equalTo(TestKeys.OPS_OWNER))
                .body("role", equalTo("OPS"));
    }

    @Test
    void identityHeadersFromTheCallerAreNotPassedOn() {
        // the service token names the key's owner; a forged role header neither changes it nor reaches the service
        given().header("X-API-Key", TestKeys.ANALYST).header("X-GeoRisk-Role", "OPS")
                .header("X-GeoRisk-Principal", "someone-else").get("/api/v1/subscriptions").then()
                .statusCode(200)
                .body("principal", equalTo(TestKeys.ANALYST_OWNER))
                .body("role", equalTo("ANALYST"))
                .body("roleHeader", equalTo(null));
    }

    @Test
    void webSocketUpgradeNeedsAnAnalystKey() throws Exception {
        assertEquals(401, handshakeStatus(ws, null));
        assertEquals(401, handshakeStatus(URI.create(ws + "?apiKey=no-such-key"), null));
        assertEquals(403, handshakeStatus(ws, TestKeys.FEED));
        assertEquals(403, handshakeStatus(URI.create(ws + "?apiKey=" + TestKeys.OPS), null));
        assertEquals(101, handshakeStatus(ws, TestKeys.ANALYST));
        assertEquals(101, handshakeStatus(URI.create(ws + "?apiKey=" + TestKeys.ANALYST), null));
    }

    /** 101 when the upgrade was accepted, else the refusal's status. */
    static int handshakeStatus(URI uri, String key) throws Exception {
        URI wsUri = URI.create(uri.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (key != null) {
            builder.header("X-API-Key", key);
        }
        try {
            WebSocket socket = builder.buildAsync(wsUri, new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"));
        assertNotEquals(null, response.jsonPath().getString("title"));
    }
}
