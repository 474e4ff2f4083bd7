package org.georisk.notification.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class WebhookSignerTest {

    @Test
    void signsWithHmacSha256AsRfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSigner.signature("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anyChangeOfBodyOrSecretChangesTheSignature() {
        byte[] body = "{\"pair\":\"AZE-RUS\"}".getBytes(StandardCharsets.UTF_8);
        byte[] spaced = "{\"pair\": \"AZE-RUS\"}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSigner.signature("secret-one", body), WebhookSigner.signature("secret-one", spaced));
        assertNotEquals(WebhookSigner.signature("secret-one", body), WebhookSigner.signature("secret-two", body));
    }
}
