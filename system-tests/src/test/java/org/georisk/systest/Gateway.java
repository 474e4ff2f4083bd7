package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The public interface (/api/v1 on the gateway) as the tests use it, with the development keys. */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();

    private final GeoRiskSystem system;

    Gateway(GeoRiskSystem system) {
        this.system = system;
    }

    RequestSpecification as(String apiKey) {
        // Long socket timeout: with the broker down, ingest may take its producer's timeout to answer 503.
        RestAssuredConfig config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 90_000))
                // Bodies go as UTF-8 bytes with the content type exactly as a feed sends it.
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        return RestAssured.given().config(config).baseUri(system.gatewayUrl()).basePath("/api/v1")
                .header("X-API-Key", apiKey);
    }

    Response postNdjson(String body) {
        return as(GeoRiskSystem.FEED_KEY).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/events");
    }

    Response postEvent(String json) {
        return as(GeoRiskSystem.FEED_KEY).contentType("application/json")
                .body(json.getBytes(StandardCharsets.UTF_8)).post("/events");
    }

    Response assessment(String pair) {
        return as(GeoRiskSystem.ANALYST_KEY).accept("application/json").get("/assessments/" + pair);
    }

    Response history(String pair) {
        return as(GeoRiskSystem.ANALYST_KEY).accept("application/json").get("/assessments/" + pair + "/history");
    }

    Response assessments() {
        return as(GeoRiskSystem.ANALYST_KEY).accept("application/json").get("/assessments");
    }

    /** Polls GET /assessments/{pair} until it answers 200 with a body the condition accepts; null on timeout. */
    JsonNode awaitAssessment(String pair, Predicate<JsonNode> condition, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
                Response response = assessment(pair);
                return response.statusCode() == 200 ? parse(response.asString()) : null;
            }, last -> last != null && condition.test(last));
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
