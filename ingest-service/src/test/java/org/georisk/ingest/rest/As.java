package org.georisk.ingest.rest;

import io.restassured.specification.RequestSpecification;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;

import static io.restassured.RestAssured.given;

/**
 * A request as the gateway would make it for a caller: with a service token for ingest-service naming the caller's
 * principal and role (testkit's key pair, which the service under test trusts).
 */
final class As {

    /** The feed most tests post as; their events say {@code "source":"test-feed"}. */
    static final String TEST_FEED = "test-feed";

    private As() {
    }

    static RequestSpecification feed(String name) {
        return caller(name, ServiceIdentity.FEED);
    }

    static RequestSpecification testFeed() {
        return feed(TEST_FEED);
    }

    static RequestSpecification analyst() {
        return caller("analyst-test", ServiceIdentity.ANALYST);
    }

    static RequestSpecification ops() {
        return caller("ops-test", ServiceIdentity.OPS);
    }

    /** The gateway itself, the only caller of /feeds/authenticate. */
    static RequestSpecification gateway() {
        return caller(ServiceIdentity.GATEWAY_PRINCIPAL, ServiceIdentity.GATEWAY);
    }

    static RequestSpecification caller(String principal, String role) {
        return given().header("Authorization", ServiceTokens.bearer(ServiceIdentity.INGEST, principal, role));
    }
}
