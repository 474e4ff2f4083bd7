package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.KeyHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.restassured.path.json.JsonPath.from;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ops create, list and delete analyst and ops keys at /api/v1/ops/keys; a key is shown once, never listed. */
@QuarkusTest
class KeyManagementTest {

    private static final String KEYS = "/api/v1/ops/keys";

    @Inject
    ApiKeyService keys;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    @Test
    void anAnalystKeyIsShownOnceWorksForItsRoleAndStopsWhenDeleted() {
        String name = "analyst-" + System.nanoTime();
        Response created = create(TestKeys.OPS, name, "analyst");
        created.then().statusCode(201)
                .header("Location", endsWith(KEYS + "/" + name))
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo(name))
                .body("role", equalTo("ANALYST"))
                .body("createdAt", notNullValue());
        String key = created.jsonPath().getString("key");
        assertNotNull(key);
        assertTrue(key.length() >= 40, "a random key of 256 bits: " + key.length());

        // an analyst: reads, is refused the ops paths, and the services know it by its name
        given().header("X-API-Key", key).get("/api/v1/subscriptions").then().statusCode(200)
                .body("principal", equalTo(name))
                .body("role", equalTo("ANALYST"));
        given().header("X-API-Key", key).get(KEYS).then().statusCode(403);

        // listed and readable by name, role and creation time; neither the key nor its hash is ever shown again
        String list = given().header("X-API-Key", TestKeys.OPS).get(KEYS).then().statusCode(200).extract().asString();
        assertFalse(list.contains(key), list);
        assertFalse(list.contains(KeyHashes.sha256Hex(key)), list);
        Map<String, Object> listed = from(list).getMap("find { it.name == '" + name + "' }");
        assertNotNull(listed, list);
        assertEquals(Set.of("name", "role", "createdAt", "revoked"), listed.keySet());
        assertEquals("ANALYST", listed.get("role"));
        assertEquals(false, listed.get("revoked"));
        given().header("X-API-Key", TestKeys.OPS).get(KEYS + "/" + name).then().statusCode(200)
                .body("name", equalTo(name))
                .body("key", nullValue());

        // deleted: refused from the next request on
        given().header("X-API-Key", TestKeys.OPS).delete(KEYS + "/" + name).then().statusCode(204);
        given().header("X-API-Key", key).get("/api/v1/subscriptions").then().statusCode(401);
        assertProblem(given().header("X-API-Key", TestKeys.OPS).delete(KEYS + "/" + name), 404);
        assertProblem(given().header("X-API-Key", TestKeys.OPS).get(KEYS + "/" + name), 404);
    }

    @Test
    void anOpsKeyCanManageKeysItself() {
        String opsName = "ops-" + System.nanoTime();
        String opsKey = create(TestKeys.OPS, opsName, "OPS").then().statusCode(201)
                .body("role", equalTo("OPS")).extract().path("key");
        given().header("X-API-Key", opsKey).get("/api/v1/ops/topics").then().statusCode(200);
        given().header("X-API-Key", opsKey).get("/api/v1/assessments").then().statusCode(403);

        String analystName = "analyst-by-" + opsName;
        create(opsKey, analystName, "analyst").then().statusCode(201);
        given().header("X-API-Key", opsKey).delete(KEYS + "/" + analystName).then().statusCode(204);
        given().header("X-API-Key", opsKey).delete(KEYS + "/" + opsName).then().statusCode(204);
        given().header("X-API-Key", opsKey).get(KEYS).then().statusCode(401);
    }

    @Test
    void aNameHoldsOneKey() {
        String name = "twice-" + System.nanoTime();
        create(TestKeys.OPS, name, "analyst").then().statusCode(201);
        Response again = create(TestKeys.OPS, name, "ops");
        assertProblem(again, 409);
        assertEquals("name", again.jsonPath().getString("errors[0].field"));
        assertEquals("ANALYST", given().header("X-API-Key", TestKeys.OPS).get(KEYS + "/" + name).jsonPath()
                .getString("role"), "the first key of the name is left as it was");
        assertProblem(create(TestKeys.OPS, TestKeys.ANALYST_OWNER, "analyst"), 409);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertInvalid("", List.of("name", "role"));
        assertInvalid("{}", List.of("name", "role"));
        assertInvalid("{\"role\":\"analyst\"}", List.of("name"));
        assertInvalid("{\"name\":\"Bad Name!\",\"role\":\"analyst\"}", List.of("name"));
        assertInvalid("{\"name\":\"" + "x".repeat(65) + "\",\"role\":\"analyst\"}", List.of("name"));
        assertInvalid("{\"name\":\"no-role\"}", List.of("role"));
        assertInvalid("{\"name\":\"admin\",\"role\":\"admin\"}", List.of("role"));
        assertInvalid("{\"name\":\"[1]\",\"role\":[1]}", List.of("role"));
        assertInvalid("not json", List.of("body"));

        Response feed = post("{\"name\":\"a-feed\",\"role\":\"feed\"}");
        assertProblem(feed, 400);
        assertTrue(feed.jsonPath().getString("errors[0].reason").contains("/api/v1/ops/feeds"), feed.asString());

        Response reserved = post("{\"name\":\"bootstrap-ops\",\"role\":\"ops\"}");
        assertProblem(reserved, 400);
        assertEquals("name", reserved.jsonPath().getString("errors[0].field"));
        assertTrue(reserved.jsonPath().getString("errors[0].reason").contains("reserved"), reserved.asString());

        for (String name : List.of("no-role", "admin", "a-feed", "bootstrap-ops")) {
            given().header("X-API-Key", TestKeys.OPS).get(KEYS + "/" + name).then().statusCode(404);
        }
    }

    private static Response create(String opsKey, String name, String role) {
        return given().header("X-API-Key", opsKey).contentType("application/json")
                .body(Map.of("name", name, "role", role)).post(KEYS);
    }

    private static Response post(String body) {
        return given().header("X-API-Key", TestKeys.OPS).contentType("application/json").body(body).post(KEYS);
    }

    private static void assertInvalid(String body, List<String> fields) {
        Response response = post(body);
        assertProblem(response, 400);
        assertEquals(fields, response.jsonPath().getList("errors.field"), body + " → " + response.asString());
        for (String reason : response.jsonPath().getList("errors.reason", String.class)) {
            assertFalse(reason == null || reason.isBlank(), response.asString());
        }
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"));
    }
}
