package org.georisk.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The /subscriptions API: ownership, validation as problem+json, the secret never returned. */
@QuarkusTest
class SubscriptionResourceTest {

    private static final String OTHER = "analyst-two";

    @Test
    void aSubscriptionIsVisibleToItsOwnerOnly() {
        String id = As.analyst(Subscriptions.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("name", "Caucasus watch", "pairs", List.of("rus-aze"), "actor", "rus",
                        "categories", List.of("SECURITY"), "minLevel", "GUARDED",
                        "rules", List.of(Map.of("kind", "SCORE_JUMP", "points", 10, "days", 7)),
                        "cooldownMinutes", 30,
                        "webhook", Map.of("url", "http://127.0.0.1:9/hook", "secret", "0123456789abcdef")))
                .post("/subscriptions")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("owner", equalTo(Subscriptions.ANALYST))
                .body("pairs", equalTo(List.of("AZE-RUS")))
                .body("actor", equalTo("RUS"))
                .body("webhookUrl", equalTo("http://127.0.0.1:9/hook"))
                .body("webhook", equalTo(null))
                .body("secret", equalTo(null))
                .body(not(org.hamcrest.Matchers.containsString("0123456789abcdef")))
                .extract().path("id");

        As.analyst(Subscriptions.ANALYST).get("/subscriptions/" + id)
                .then().statusCode(200).body("name", equalTo("Caucasus watch"))
                .body("rules[0].kind", equalTo("SCORE_JUMP"));
        As.analyst(Subscriptions.ANALYST).get("/subscriptions")
                .then().statusCode(200).body("id", hasItem(id));

        As.analyst(OTHER).get("/subscriptions/" + id)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        As.analyst(OTHER).delete("/subscriptions/" + id)
                .then().statusCode(404);
        As.analyst(OTHER).get("/subscriptions")
                .then().statusCode(200).body("id", not(hasItem(id)));

        As.analyst(Subscriptions.ANALYST).delete("/subscriptions/" + id)
                .then().statusCode(204);
        As.analyst(Subscriptions.ANALYST).get("/subscriptions/" + id)
                .then().statusCode(404);
        As.analyst(Subscriptions.ANALYST).get("/subscriptions/not-a-uuid")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void withoutAPrincipalTheAnswerIs401() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "rules", List.of(Map.of("kind", "NEW_PAIR"))))
                .post("/subscriptions")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("status", equalTo(401));
        given().get("/subscriptions").then().statusCode(401);
        // the headers services once trusted name nobody now
        given().header(HeaderNames.PRINCIPAL, Subscriptions.ANALYST).header(HeaderNames.ROLE, "ANALYST").get("/subscriptions")
                .then().statusCode(401);
        // a valid token of another role, and one made for another service, are refused too
        As.ops().get("/subscriptions").then().statusCode(403);
        given().header("Authorization", org.georisk.testkit.ServiceTokens.bearer(
                        org.georisk.contracts.ServiceIdentity.INGEST, Subscriptions.ANALYST, "ANALYST"))
                .get("/subscriptions").then().statusCode(401);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        As.analyst(Subscriptions.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "pairs", List.of("AZE-XXX", "ARM-AZE"), "actor", "ZZZ",
                        "rules", List.of(), "cooldownMinutes", -1,
                        "webhook", Map.of("url", "ftp://example.org/hook", "secret", "short")))
                .post("/subscriptions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("name", "pairs[0]", "actor", "rules", "cooldownMinutes",
                        "webhook.url", "webhook.secret"));
    }

    @Test
    void ruleParametersAreCheckedPerKind() {
        As.analyst(Subscriptions.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("name", "params", "rules", List.of(
                        Map.of("kind", "SCORE_JUMP", "points", 0),
                        Map.of("kind", "CATEGORY_THRESHOLD", "threshold", 150),
                        Map.of("kind", "LEVEL_UP", "points", 5))))
                .post("/subscriptions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("rules[0].points", "rules[0].days", "rules[1].category",
                        "rules[1].threshold", "rules[2]"));
    }

    @Test
    void unknownNamesAndBrokenJsonAre400s() {
        As.analyst(Subscriptions.ANALYST).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"rules\":[{\"kind\":\"LEVEL_SIDEWAYS\"}]}")
                .post("/subscriptions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("rules[0].kind"));
        As.analyst(Subscriptions.ANALYST).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/subscriptions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }
}
