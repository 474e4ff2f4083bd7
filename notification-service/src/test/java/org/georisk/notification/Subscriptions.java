package org.georisk.notification;

import io.restassured.http.ContentType;
import org.georisk.contracts.HeaderNames;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates subscriptions through the REST API, as the gateway would. */
public final class Subscriptions {

    public static final String ANALYST = "analyst-one";

    private Subscriptions() {
    }

    public static UUID create(Map<String, Object> body) {
        String id = As.analyst(ANALYST).contentType(ContentType.JSON).body(body)
                .post("/subscriptions")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }
}
