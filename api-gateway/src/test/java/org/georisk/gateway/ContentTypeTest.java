package org.georisk.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.HeaderNames;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event post is read only as the Content-Type it names: none, or one not read there, is a 415 listing them. */
@QuarkusTest
class ContentTypeTest {

    @Inject
    ApiKeyService keys;

    @TestHTTPResource("/api/v1/events")
    URI events;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    @Test
    void aPostWithoutContentTypeIs415AndReachesNoService() throws Exception {
        assertNoContentType(events, TestKeys.FEED, 415, "application/json, application/x-ndjson");
        assertNoContentType(URI.create(events + "/gdelt"), TestKeys.FEED, 415, HeaderNames.TSV + ", application/zip");
        // the key is checked first: no key is a 401 whatever the body
        assertNoContentType(events, null, 401, "");
    }

    @Test
    void aContentTypeNotReadThereIs415ListingTheAcceptedOnes() {
        given().header("X-API-Key", TestKeys.FEED).contentType("text/plain").body("{}")
                .post("/api/v1/events").then()
                .statusCode(415).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("'text/plain")) // RestAssured appends a charset
                .body("errors[0].field", equalTo("Content-Type"))
                .body("errors[0].reason", equalTo("must be one of application/json, application/x-ndjson"));
        given().header("X-API-Key", TestKeys.FEED).contentType("application/json").body("{}")
                .post("/api/v1/events/gdelt").then()
                .statusCode(415).contentType(startsWith("application/problem+json"))
                .body("errors[0].reason", equalTo("must be one of text/tab-separated-values, application/zip"));
    }

    @Test
    void aContentTypeThatCannotBeReadOrIsAWildcardIs415() throws Exception {
        for (String contentType : new String[]{"application/json, application/x-ndjson", "json", ";", "/json", "*/*",
                "application/*"}) {
            HttpRequest request = HttpRequest.newBuilder(events)
                    .header("X-API-Key", TestKeys.FEED).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode(), contentType + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    r.body());
            assertTrue(r.body().contains("\"field\":\"Content-Type\""), r.body());
        }
    }

    private static void assertNoContentType(URI uri, String key, int status, String listed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}\n{\"a\":2}\n")); // java.net.http adds no Content-Type
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), uri + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        assertTrue(r.body().contains(listed), r.body());
    }
}
