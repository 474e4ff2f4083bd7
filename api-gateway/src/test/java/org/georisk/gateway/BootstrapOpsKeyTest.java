package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.BootstrapOpsKey;
import org.georisk.gateway.service.BootstrapOpsKey.Outcome;
import org.georisk.gateway.service.KeyHashes;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way into a fresh deployment: the configured bootstrap key is an ops key from the first start on, the
 * development keys are not. Restarts are replayed at the service level ({@link BootstrapOpsKey#apply}), which is
 * what the start itself runs with the configured value.
 */
@QuarkusTest
@TestProfile(BootstrapProfile.class)
class BootstrapOpsKeyTest {

    private static final String KEY = BootstrapProfile.KEY;

    @Inject
    BootstrapOpsKey bootstrap;

    @Inject
    ApiKeyService keys;

    @AfterEach
    void asTheStartLeftIt() {
        bootstrap.apply(Optional.of(KEY));
    }

    @Test
    void theBootstrapKeyIsAnOpsKeyFromTheFirstStart() {
        given().header("X-API-Key", KEY).get("/api/v1/ops/topics").then().statusCode(200);
        given().header("X-API-Key", KEY).get("/api/v1/ops/keys").then().statusCode(200)
                .body("find { it.name == 'bootstrap-ops' }.role", equalTo("OPS"));
        given().header("X-API-Key", KEY).get("/api/v1/assessments").then().statusCode(403);
    }

    @Test
    void aWrongKeyAndTheDevelopmentKeysAreRefused() {
        given().header("X-API-Key", KEY + "x").get("/api/v1/ops/topics").then().statusCode(401);
        given().header("X-API-Key", KEY.substring(0, KEY.length() - 1)).get("/api/v1/ops/topics").then().statusCode(401);
        given().header("X-API-Key", "dev-ops-key").get("/api/v1/ops/topics").then().statusCode(401);
        given().header("X-API-Key", "dev-analyst-key").get("/api/v1/assessments").then().statusCode(401);
    }

    @Test
    void opsCreatesItsFirstKeysWithItThenRotatesItOut() {
        String suffix = Long.toString(System.nanoTime());
        String analystKey = createKey("first-analyst-" + suffix, "analyst");
        given().header("X-API-Key", analystKey).get("/api/v1/assessments").then().statusCode(200);
        String opsKey = createKey("first-ops-" + suffix, "ops");

        // a feed key is ingest-service's: the gateway relays the registration, as ops
        given().header("X-API-Key", KEY).contentType("application/json").body(Map.of("name", "first-feed"))
                .post("/api/v1/ops/feeds").then().statusCode(201)
                .body("principal", equalTo(BootstrapOpsKey.NAME))
                .body("role", equalTo("OPS"));

        // the next start without the setting deletes the bootstrap key; the keys made with it stay
        assertEquals(Outcome.REMOVED, bootstrap.apply(Optional.empty()));
        given().header("X-API-Key", KEY).get("/api/v1/ops/topics").then().statusCode(401);
        given().header("X-API-Key", opsKey).get("/api/v1/ops/topics").then().statusCode(200);
        given().header("X-API-Key", analystKey).get("/api/v1/assessments").then().statusCode(200);
        List<String> names = given().header("X-API-Key", opsKey).get("/api/v1/ops/keys").then().statusCode(200)
                .extract().jsonPath().getList("name");
        assertFalse(names.contains(BootstrapOpsKey.NAME), names.toString());
        assertEquals(Outcome.NONE, bootstrap.apply(Optional.empty()));
        assertEquals(Outcome.NONE, bootstrap.apply(Optional.of("")), "an empty value is no value");
    }

    @Test
    void aRestartWithTheSameKeyChangesNothing() {
        String createdAt = bootstrapKeyCreatedAt();
        assertEquals(Outcome.UNCHANGED, bootstrap.apply(Optional.of(KEY)));
        assertEquals(Outcome.UNCHANGED, bootstrap.apply(Optional.of(KEY)));
        assertEquals(createdAt, bootstrapKeyCreatedAt());
        List<String> names = given().header("X-API-Key", KEY).get("/api/v1/ops/keys").then().statusCode(200)
                .extract().jsonPath().getList("name");
        assertEquals(1, names.stream().filter(BootstrapOpsKey.NAME::equals).count(), names.toString());
    }

    @Test
    void aNewValueReplacesTheStoredOne() {
        String next = "next-bootstrap-key-0c41e9a7d2b35f68";
        assertEquals(Outcome.REPLACED, bootstrap.apply(Optional.of(next)));
        given().header("X-API-Key", KEY).get("/api/v1/ops/topics").then().statusCode(401);
        given().header("X-API-Key", next).get("/api/v1/ops/topics").then().statusCode(200);
    }

    @Test
    void anUnfitValueStopsTheStartWithoutShowingIt() {
        String tooShort = "fifteen-chars!!";
        IllegalStateException shortOne = assertThrows(IllegalStateException.class,
                () -> bootstrap.apply(Optional.of(tooShort)));
        assertTrue(shortOne.getMessage().contains("GEORISK_BOOTSTRAP_OPS_KEY"), shortOne.getMessage());
        assertTrue(shortOne.getMessage().contains("at least 16"), shortOne.getMessage());
        assertFalse(shortOne.getMessage().contains(tooShort), shortOne.getMessage());

        String withNewline = "a-key-of-good-length-0123456789\n";
        IllegalStateException spaced = assertThrows(IllegalStateException.class,
                () -> bootstrap.apply(Optional.of(withNewline)));
        assertTrue(spaced.getMessage().contains("whitespace"), spaced.getMessage());
        assertFalse(spaced.getMessage().contains(withNewline.trim()), spaced.getMessage());

        // nothing changed: the stored key still works
        given().header("X-API-Key", KEY).get("/api/v1/ops/topics").then().statusCode(200);
    }

    @Test
    void aValueThatIsAlreadyAnotherKeyIsRefusedAndThatKeyKeepsItsRole() {
        TestKeys.register(keys);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bootstrap.apply(Optional.of(TestKeys.ANALYST)));
        assertTrue(e.getMessage().contains("'" + TestKeys.ANALYST_OWNER + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(TestKeys.ANALYST), e.getMessage());
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/assessments").then().statusCode(200);
        given().header("X-API-Key", TestKeys.ANALYST).get("/api/v1/ops/topics").then().statusCode(403);
    }

    @Test
    void theKeyIsNeverLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BootstrapOpsKey.class.getName());
        logger.addHandler(capture);
        try {
            bootstrap.apply(Optional.empty());
            bootstrap.apply(Optional.of(KEY));
            bootstrap.apply(Optional.of(KEY));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(3, lines.size(), "removed, stored, in place: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(KEY), line);
            assertFalse(line.contains(KeyHashes.sha256Hex(KEY)), line);
        }
    }

    private static String createKey(String name, String role) {
        return given().header("X-API-Key", KEY).contentType("application/json")
                .body(Map.of("name", name, "role", role)).post("/api/v1/ops/keys").then().statusCode(201)
                .extract().path("key");
    }

    private static String bootstrapKeyCreatedAt() {
        return given().header("X-API-Key", KEY).get("/api/v1/ops/keys/" + BootstrapOpsKey.NAME).then()
                .statusCode(200).extract().path("createdAt");
    }
}
