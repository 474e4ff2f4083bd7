package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.Problem;
import org.georisk.notification.service.WebhookSigner;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Signed webhook POSTs, retries after 500s, dead letters and their re-send (max attempts 3 in %test). */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");
    private static final String SECRET = "a-very-secret-webhook-key";

    @Inject
    ObjectMapper json;

    @Test
    void retriesAfterServerErrorsThenDeliversTheSignedAlert() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2); Assessments in = new Assessments(json)) {
            UUID sub = subscribe("KHM-LAO", receiver.url());
            in.send(Assessments.of("KHM-LAO", 1, T0, 40));

            await(() -> receiver.received().size() >= 3, "three attempts");

            List<WebhookReceiver.Received> posts = receiver.received();
            for (WebhookReceiver.Received post : posts) {
                assertEquals("sha256=" + hmacHex(SECRET, post.body()), post.signature(), "signature of the raw body");
                assertArrayEquals(posts.get(0).body(), post.body(), "every retry sends the same bytes");
            }
            Alert alert = json.readValue(posts.get(0).body(), Alert.class);
            assertEquals(sub, alert.subscriptionId());
            assertEquals(AlertKind.NEW_PAIR, alert.kind());
            assertEquals("KHM-LAO", alert.assessment().pair());
            // delivered: nothing more may come for 1.5 s, and it is no dead letter
            org.awaitility.Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == posts.size());
            assertEquals(3, posts.size());
            As.ops().get("/deliveries/dead-letters").then().statusCode(200)
                    .body("alertId", not(hasItem(alert.alertId().toString())));
        }
    }

    @Test
    void aDeliveryOutOfAttemptsIsADeadLetterThatOpsCanResend() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE); Assessments in = new Assessments(json)) {
            UUID sub = subscribe("BTN-NPL", receiver.url());
            in.send(Assessments.of("BTN-NPL", 1, T0, 40));

            await(() -> deadLettersOf(sub).size() == 1, "a dead letter");
            assertEquals(3, receiver.received().size());
            Map<String, Object> dead = deadLettersOf(sub).get(0);
            assertEquals(3, dead.get("attempts"));
            assertEquals(500, dead.get("lastStatus"));
            assertEquals("DEAD", dead.get("status"));

            given().get("/deliveries/dead-letters").then().statusCode(401)
                    .contentType(Problem.MEDIA_TYPE);
            As.analyst(Subscriptions.ANALYST).get("/deliveries/dead-letters").then().statusCode(403);
            As.analyst(Subscriptions.ANALYST).post("/deliveries/dead-letters/" + dead.get("id") + "/resend")
                    .then().statusCode(403);
            As.ops().post("/deliveries/dead-letters/" + UUID.randomUUID() + "/resend")
                    .then().statusCode(404).contentType(Problem.MEDIA_TYPE);

            receiver.failNext(0);
            As.ops().post("/deliveries/dead-letters/" + dead.get("id") + "/resend")
                    .then().statusCode(202).body("status", equalTo("PENDING"));

            await(() -> receiver.received().size() == 4, "the re-sent delivery");
            WebhookReceiver.Received resent = receiver.received().get(3);
            assertEquals(WebhookSigner.signature(SECRET, resent.body()), resent.signature());
            await(() -> deadLettersOf(sub).isEmpty(), "the dead letter to leave the list");
        }
    }

    private UUID subscribe(String pair, String url) {
        return Subscriptions.create(Map.of("name", "hook " + pair, "pairs", List.of(pair),
                "rules", List.of(Map.of("kind", "NEW_PAIR")), "webhook", Map.of("url", url, "secret", SECRET)));
    }

    private static List<Map<String, Object>> deadLettersOf(UUID subscription) {
        List<Map<String, Object>> all = As.ops().accept(ContentType.JSON)
                .get("/deliveries/dead-letters").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(d -> subscription.toString().equals(d.get("subscriptionId"))).toList();
    }

    /** Independent of WebhookSigner, so the test checks the signature rather than restating the code. */
    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        org.awaitility.Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
