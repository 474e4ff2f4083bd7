package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Ingest remembers the service tokens it verified (config.VerifiedServiceTokens); what it accepts must not change:
 * a token altered in its signature is refused right after the genuine one was accepted, and a remembered token is
 * refused once it has expired.
 */
@QuarkusTest
class RememberedTokenTest {

    /** The parser the request check uses (SmallRye JWT's MpJwtValidator injects the same bean). */
    @Inject
    JWTParser parser;

    private static io.restassured.response.ValidatableResponse listFeeds(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).get("/feeds").then();
    }

    @Test
    void aTokenWithAnotherSignatureIsRefusedAfterTheGenuineOneWasAccepted() throws Exception {
        String genuine = ServiceTokens.token(ServiceIdentity.INGEST, "ops-1", ServiceIdentity.OPS);
        listFeeds(genuine).statusCode(200);
        listFeeds(genuine).statusCode(200);
        assertSame(parser.parse(genuine), parser.parse(genuine), "a verified token is remembered, not verified again");

        // one character of the signature changed (a middle one: every bit of it counts)
        int at = genuine.lastIndexOf('.') + 10;
        String altered = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);
        listFeeds(altered).statusCode(401);
        String foreign = ServiceTokens.sign(ServiceIdentity.ISSUER, ServiceIdentity.INGEST, "ops-1",
                ServiceIdentity.OPS, Instant.now().plusSeconds(60), ServiceTokens.foreignKey());
        listFeeds(foreign).statusCode(401);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpired() {
        // expires in 2 s; the check itself allows the configured clock skew (5 s) beyond that
        String shortLived = ServiceTokens.sign(ServiceIdentity.ISSUER, ServiceIdentity.INGEST,
                "ops-1", ServiceIdentity.OPS, Instant.now().plusSeconds(2), ServiceTokens.privateKey());
        listFeeds(shortLived).statusCode(200);
        await("the remembered token refused after its expiry and the skew").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> listFeeds(shortLived).extract().statusCode() == 401);
    }
}
