package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What needs no key: the OpenAPI document, Swagger UI, the dashboard page, CORS for the dashboard's origin. */
@QuarkusTest
class PublicSurfaceTest {

    @Test
    void openApiDescribesEveryPathWithTheKeyScheme() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> paths = openapi.getMap("paths");
        for (Endpoint endpoint : Endpoint.all()) {
            String path = endpoint.path().replaceFirst("\\?.*", "")
                    .replace("/AZE-RUS", "/{pair}").replace("/abc", "/{id}").replace("/some-feed", "/{name}")
                    .replaceFirst("^/api/v1/ops/keys/.+", "/api/v1/ops/keys/{name}");
            assertTrue(paths.containsKey(path), path + " not in the OpenAPI document: " + paths.keySet());
            Map<String, Object> operations = openapi.getMap("paths.'" + path + "'");
            assertTrue(operations.containsKey(endpoint.method().toLowerCase()), endpoint + " not described");
        }
        assertEquals("apiKey", openapi.getString("components.securitySchemes.apiKey.type"));
        assertEquals("X-API-Key", openapi.getString("components.securitySchemes.apiKey.name"));
        assertEquals("header", openapi.getString("components.securitySchemes.apiKey.in"));
        List<Object> security = openapi.getList("paths.'/api/v1/assessments'.get.security");
        assertEquals(1, security.size());
        // an analyst reading the schema finds the model's components beside score and level (docs/scoring.md)
        Map<String, Object> assessment = openapi.getMap("components.schemas.PairAssessment.properties");
        for (String field : List.of("score", "level", "acute", "structural", "escalation", "salience", "priority",
                "storyCount")) {
            assertTrue(assessment.containsKey(field), field + " not in the PairAssessment schema: " + assessment);
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theDashboardIsServedAtTheRootWithItsScriptsFromTheGatewayOnly() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .body(containsString("src=\"js/app.js\""));
        given().get("/js/live.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/api/v1/stream/alerts"))
                .body(containsString("'X-API-Key'"));
    }

    @Test
    void corsLetsOnlyTheDashboardOriginIn() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-API-Key")
                .options("/api/v1/assessments").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Headers", containsString("X-API-Key"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/assessments").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
