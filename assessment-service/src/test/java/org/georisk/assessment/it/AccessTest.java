package org.georisk.assessment.it;

import io.quarkus.test.junit.QuarkusTest;
import org.georisk.contracts.HeaderNames;
import org.georisk.contracts.Problem;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;

/** Only the gateway's service token for this service and the analyst role opens the query API (docs/security.md). */
@QuarkusTest
class AccessTest {

    @Test
    void queriesNeedAnAnalystTokenForThisService() {
        given().get("/assessments").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header(HeaderNames.ROLE, "ANALYST").header(HeaderNames.PRINCIPAL, "anyone").get("/assessments")
                .then().statusCode(401);
        given().auth().oauth2(ServiceTokens.token(ServiceIdentity.ASSESSMENT, "feed-x", ServiceIdentity.FEED))
                .get("/assessments").then().statusCode(403);
        given().auth().oauth2(ServiceTokens.token(ServiceIdentity.INGEST, "analyst-x", ServiceIdentity.ANALYST))
                .get("/assessments").then().statusCode(401);
        given().auth().oauth2(ServiceTokens.sign(ServiceIdentity.ISSUER, ServiceIdentity.ASSESSMENT, "analyst-x",
                        ServiceIdentity.ANALYST, Instant.now().plusSeconds(60), ServiceTokens.foreignKey()))
                .get("/assessments").then().statusCode(401);
        given().auth().oauth2(ServiceTokens.sign(ServiceIdentity.ISSUER, ServiceIdentity.ASSESSMENT, "analyst-x",
                        ServiceIdentity.ANALYST, Instant.now().minusSeconds(120), ServiceTokens.privateKey()))
                .get("/assessments").then().statusCode(401);
        AnalystRequests.given().get("/assessments").then().statusCode(200);
    }
}
