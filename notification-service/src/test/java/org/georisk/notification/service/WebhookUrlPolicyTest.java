package org.georisk.notification.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy lenient = new WebhookUrlPolicy(true);

    @Test
    void onlyHttpAndHttps() {
        assertTrue(strict.refusal("ftp://93.184.216.34/hook").isPresent());
        assertTrue(strict.refusal("file:///etc/passwd").isPresent());
        assertTrue(strict.refusal("not a url").isPresent());
        assertTrue(strict.refusal("http://user:pw@93.184.216.34/hook").isPresent());
        assertEquals(java.util.Optional.empty(), strict.refusal("https://93.184.216.34/hook"));
        assertEquals(java.util.Optional.empty(), strict.refusal("http://8.8.8.8:8080/hook"));
    }

    @Test
    void loopbackLinkLocalAndPrivateAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[]{"http://127.0.0.1/h", "http://localhost/h", "http://[::1]/h",
                "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/h", "http://172.16.0.1/h",
                "http://192.168.1.1/h", "http://[fd00::1]/h", "http://[fe80::1]/h", "http://100.64.0.1/h",
                "http://0.0.0.0/h"}) {
            assertTrue(strict.refusal(url).isPresent(), url);
            assertEquals(java.util.Optional.empty(), lenient.refusal(url), url);
        }
    }
}
