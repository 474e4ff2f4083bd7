package org.georisk.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing keys is throttled per client address (docs/security.md): past five failures (RateLimitProfile) an address
 * gets 429 with Retry-After even for a good key, other addresses go on, and both outcomes are counted. The requests
 * come from 127.0.0.5, so the address the other tests use (127.0.0.1) is not the one blocked.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
class FailedAuthThrottleTest {

    private static final String GUESSER = "127.0.0.5";

    @TestHTTPResource("/api/v1/assessments")
    URI assessments;

    @Test
    void anAddressThatKeepsFailingIsThrottledWithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, get(GUESSER, "wrong-key-" + i).status(), "failure " + (i + 1) + " is a plain 401");
        }
        Answer throttled = get(GUESSER, "wrong-key-5");
        assertEquals(429, throttled.status());
        long retryAfter = Long.parseLong(throttled.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 100, "Retry-After " + retryAfter);
        // throttled before the key is looked at: a good key from that address waits too
        assertEquals(429, get(GUESSER, TestKeys.ANALYST).status());
        // another address is not affected
        assertEquals(401, get("127.0.0.6", "wrong-key").status());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("georisk_gateway_auth_failures_total{outcome=\"refused\"}"))
                .body(containsString("georisk_gateway_auth_failures_total{outcome=\"throttled\"}"));
    }

    private record Answer(int status, Map<String, String> headers) {
    }

    /** A GET from a chosen loopback source address; a plain socket, as no HTTP client lets a test pick it. */
    private Answer get(String from, String key) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), assessments.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + assessments.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Answer(status, headers);
        }
    }
}
