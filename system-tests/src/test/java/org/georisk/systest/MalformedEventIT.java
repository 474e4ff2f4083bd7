package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input through the gateway is a 400 problem+json that names the field, never a 5xx. */
@SystemTest
@Order(2)
class MalformedEventIT {

    private final Gateway gateway;

    MalformedEventIT(GeoRiskSystem system) {
        this.gateway = new Gateway(system);
    }

    @Test
    void eventWithoutOccurredAtIsRefusedNamingTheField() {
        Response response = gateway.postEvent("""
                {"externalId":"no-time","actor1":"AZE","actor2":"RUS","cameoCode":"036"}""");
        assertProblemNaming(response, "occurredAt");
    }

    @Test
    void eventWithAnUnknownActorIsRefusedNamingTheField() {
        Response response = gateway.postEvent("""
                {"externalId":"bad-actor","occurredAt":"2025-04-01T10:00:00Z","actor1":"XQZ",\
                "actor2":"RUS","cameoCode":"036"}""");
        assertProblemNaming(response, "actor1");
    }

    private static void assertProblemNaming(Response response, String field) {
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"),
                "content type " + response.contentType());
        JsonNode problem = Gateway.parse(response.asString());
        assertEquals(400, problem.path("status").asInt(), problem.toString());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.stream().anyMatch(f -> f.contains(field)), "errors[] should name " + field + ": " + problem);
    }
}
