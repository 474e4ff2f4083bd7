package org.georisk.notification;

import io.restassured.specification.RequestSpecification;
import org.georisk.contracts.ServiceIdentity;
import org.georisk.testkit.ServiceTokens;

import static io.restassured.RestAssured.given;

/**
 * A request as the gateway would make it for a caller: with a service token for notification-service naming the
 * caller's principal and role (testkit's key pair, which the service under test trusts).
 */
public final class As {

    private As() {
    }

    public static RequestSpecification analyst(String name) {
        return caller(name, ServiceIdentity.ANALYST);
    }

    public static RequestSpecification ops() {
        return caller("ops-test", ServiceIdentity.OPS);
    }

    public static RequestSpecification caller(String principal, String role) {
        return given().header("Authorization", ServiceTokens.bearer(ServiceIdentity.NOTIFICATION, principal, role));
    }
}
