package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.contracts.Topics;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the gateway is a door (issue 11, docs/security.md): every resource of every internal port, called with forged
 * X-GeoRisk-* headers, with no token, with a token signed by another key, expired, for another service or of another
 * issuer, answers 401/403, and nothing happened: no feed created or re-keyed or revoked, no event on Kafka, no
 * subscription created, read or deleted.
 */
@SystemTest
@Order(3)
class InternalPortsIT {

    private static final String PAIR = "ISL-NZL"; // used by no other test: its events are all this test's
    private static final String FORGED_FEED = "forged-feed";
    private static final String FORGED_SUBSCRIPTION = "forged-subscription";
    private static final String SEED_FEED = "seed-report"; // the local run's development feed
    private static final String DEV_ANALYST = "dev-analyst"; // the owner of dev-analyst-key

    /** One resource of an internal service, with the role and principal a forger would claim for it. */
    private record Call(String service, String audience, String method, String path, String contentType, String body,
                        String role, String principal) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    private final GeoRiskSystem system;
    private final Gateway gateway;

    InternalPortsIT(GeoRiskSystem system) {
        this.system = system;
        this.gateway = new Gateway(system);
    }

    @Test
    void everyInternalResourceRefusesEveryCallerButTheGatewayAndNothingHappens() {
        String victimSubscription = createSubscriptionThroughTheGateway();
        String forgedEventId = "forged-" + UUID.randomUUID();
        List<Call> calls = calls(forgedEventId, victimSubscription);

        List<String> failures = new ArrayList<>();
        int attempts = 0;
        for (Call call : calls) {
            for (ServiceCredentials.Attempt attempt
                    : ServiceCredentials.refused(system, call.audience(), call.principal(), call.role())) {
                attempts++;
                Response response = send(call, attempt.headers());
                if (response.statusCode() != 401 && response.statusCode() != 403) {
                    failures.add(call + " with " + attempt + " answered " + response.statusCode() + ": "
                            + response.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + attempts + " forged calls got through:\n"
                + String.join("\n", failures));

        assertNoFeedWasTouched();
        assertTheSubscriptionsAreAsTheyWere(victimSubscription);
        assertNoForgedEventOnKafka(forgedEventId);
    }

    private List<Call> calls(String forgedEventId, String subscriptionId) {
        String event = SeedFeed.event(forgedEventId, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                "ISL", "NZL", "190", "System test: forged event");
        String ingest = "ingest-service";
        String assessment = "assessment-service";
        String notification = "notification-service";
        String feed = ServiceIdentity.FEED;
        String analyst = ServiceIdentity.ANALYST;
        String ops = ServiceIdentity.OPS;
        String deadLetter = UUID.randomUUID().toString();
        return List.of(
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/events", "application/json", event, feed, SEED_FEED),
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/events", "application/x-ndjson",
                        event.replace(forgedEventId, forgedEventId + "-bulk") + "\n", feed, SEED_FEED),
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/events/gdelt", "text/tab-separated-values", "", feed, SEED_FEED),
                new Call(ingest, ServiceIdentity.INGEST, "GET", "/events?pair=AZE-RUS", null, null, analyst, DEV_ANALYST),
                new Call(ingest, ServiceIdentity.INGEST, "GET", "/feeds", null, null, ops, "anyone"),
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/feeds", "application/json",
                        "{\"name\":\"" + FORGED_FEED + "\"}", ops, "anyone"),
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/feeds/" + SEED_FEED + "/key", null, null, ops, "anyone"),
                new Call(ingest, ServiceIdentity.INGEST, "DELETE", "/feeds/" + SEED_FEED, null, null, ops, "anyone"),
                new Call(ingest, ServiceIdentity.INGEST, "PUT", "/feeds/" + SEED_FEED + "/rate-limit", "application/json",
                        "{\"requestsPerSecond\":1,\"burst\":1}", ops, "anyone"),
                new Call(ingest, ServiceIdentity.INGEST, "POST", "/feeds/authenticate", "application/json",
                        "{\"key\":\"" + GeoRiskSystem.FEED_KEY + "\"}", ServiceIdentity.GATEWAY, ServiceIdentity.GATEWAY_PRINCIPAL),
                new Call(assessment, ServiceIdentity.ASSESSMENT, "GET", "/assessments", null, null, analyst, DEV_ANALYST),
                new Call(assessment, ServiceIdentity.ASSESSMENT, "GET", "/assessments/AZE-RUS", null, null, analyst, DEV_ANALYST),
                new Call(assessment, ServiceIdentity.ASSESSMENT, "GET", "/assessments/AZE-RUS/history", null, null, analyst, DEV_ANALYST),
                new Call(notification, ServiceIdentity.NOTIFICATION, "POST", "/subscriptions", "application/json",
                        "{\"name\":\"" + FORGED_SUBSCRIPTION + "\",\"rules\":[{\"kind\":\"NEW_PAIR\"}]}", analyst, DEV_ANALYST),
                new Call(notification, ServiceIdentity.NOTIFICATION, "GET", "/subscriptions", null, null, analyst, DEV_ANALYST),
                new Call(notification, ServiceIdentity.NOTIFICATION, "GET", "/subscriptions/" + subscriptionId, null, null,
                        analyst, DEV_ANALYST),
                new Call(notification, ServiceIdentity.NOTIFICATION, "DELETE", "/subscriptions/" + subscriptionId, null, null,
                        analyst, DEV_ANALYST),
                new Call(notification, ServiceIdentity.NOTIFICATION, "GET", "/deliveries/dead-letters", null, null, ops, "anyone"),
                new Call(notification, ServiceIdentity.NOTIFICATION, "POST", "/deliveries/dead-letters/" + deadLetter + "/resend",
                        null, null, ops, "anyone"));
    }

    private Response send(Call call, Map<String, String> headers) {
        RequestSpecification request = RestAssured.given()
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .baseUri(system.serviceUrl(call.service()))
                .urlEncodingEnabled(false)
                .headers(headers);
        if (call.contentType() != null) {
            request.contentType(call.contentType()).body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.request(call.method(), call.path());
    }

    private String createSubscriptionThroughTheGateway() {
        Response created = gateway.as(GeoRiskSystem.ANALYST_KEY).contentType("application/json")
                .body("{\"name\":\"victim\",\"rules\":[{\"kind\":\"NEW_PAIR\"}]}".getBytes(StandardCharsets.UTF_8))
                .post("/subscriptions");
        assertEquals(201, created.statusCode(), created.asString());
        return Gateway.parse(created.asString()).path("id").asText();
    }

    private void assertNoFeedWasTouched() {
        Response feeds = gateway.as(GeoRiskSystem.OPS_KEY).get("/ops/feeds");
        assertEquals(200, feeds.statusCode(), feeds.asString());
        List<String> names = new ArrayList<>();
        JsonNode list = Gateway.parse(feeds.asString());
        list.forEach(f -> names.add(f.path("name").asText()));
        assertFalse(names.contains(FORGED_FEED), "no feed was created: " + names);
        // neither rotated nor revoked: the development feed's key still works
        Response posted = gateway.postEvent(SeedFeed.event("after-forgery-" + UUID.randomUUID(),
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), "ISL", "NZL", "036",
                "System test: sentinel after the forged calls"));
        assertEquals(202, posted.statusCode(), "the seed feed's key still works: " + posted.asString());
    }

    private void assertTheSubscriptionsAreAsTheyWere(String victim) {
        Response mine = gateway.as(GeoRiskSystem.ANALYST_KEY).get("/subscriptions/" + victim);
        assertEquals(200, mine.statusCode(), "the analyst's subscription was not deleted: " + mine.asString());
        Response all = gateway.as(GeoRiskSystem.ANALYST_KEY).get("/subscriptions");
        assertFalse(all.asString().contains(FORGED_SUBSCRIPTION), "no subscription was created: " + all.asString());
    }

    /**
     * The sentinel posted through the gateway (after every forged call, same pair, so the same partition) is on the
     * topic; nothing with the forged ids is before it.
     */
    private void assertNoForgedEventOnKafka(String forgedEventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicBoolean sentinel = new AtomicBoolean();
            await("the sentinel event posted through the gateway is on " + Topics.EVENTS)
                    .atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            assertFalse(record.value().contains(forgedEventId),
                                    "a forged event reached Kafka: " + record.value());
                            sentinel.compareAndSet(false,
                                    PAIR.equals(record.key()) && record.value().contains("after-forgery-"));
                        }
                        return sentinel.get();
                    });
        }
    }
}
