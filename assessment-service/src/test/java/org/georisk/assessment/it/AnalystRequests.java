package org.georisk.assessment.it;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;

/**
 * {@code given()} as the gateway calls assessment-service for an analyst: with a service token for this service's
 * audience, signed by testkit's key pair (which the service under test trusts). Tests import it instead of
 * RestAssured's.
 */
public final class AnalystRequests {

    private AnalystRequests() {
    }

    public static RequestSpecification given() {
        return RestAssured.given()
                .header("Authorization", ServiceTokens.bearer(ServiceIdentity.ASSESSMENT, "analyst-test", ServiceIdentity.ANALYST));
    }
}
