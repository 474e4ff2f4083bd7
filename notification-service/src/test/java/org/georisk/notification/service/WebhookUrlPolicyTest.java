package org.georisk.notification.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook SSRF rules (docs/security.md, "Webhooks"): one row per address class, in both profiles. */
class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy local = new WebhookUrlPolicy(true);

    @ParameterizedTest(name = "{0}: production {1}, local {2}")
    @CsvSource({
            // url,                                         production, local
            "https://93.184.216.34/hook,                    allowed,    allowed",
            "http://8.8.8.8:8080/hook,                      allowed,    allowed",
            "http://[2606:4700:4700::1111]/hook,            allowed,    allowed",
            "http://127.0.0.1/h,                            refused,    allowed",
            "http://127.1.2.3/h,                            refused,    allowed",
            "http://localhost/h,                            refused,    allowed",
            "http://[::1]/h,                                refused,    allowed",
            "http://0.0.0.0/h,                              refused,    refused",
            "http://0.1.2.3/h,                              refused,    refused",
            "http://10.1.2.3/h,                             refused,    refused",
            "http://172.16.0.1/h,                           refused,    refused",
            "http://172.31.255.255/h,                       refused,    refused",
            "http://192.168.1.1/h,                          refused,    refused",
            "http://100.64.0.1/h,                           refused,    refused",
            "http://100.100.100.200/latest,                 refused,    refused",
            "http://169.254.169.254/latest/meta-data,       refused,    refused",
            "http://169.254.1.1/h,                          refused,    refused",
            "http://192.0.0.192/h,                          refused,    refused",
            "http://192.0.2.1/h,                            refused,    refused",
            "http://198.18.0.1/h,                           refused,    refused",
            "http://198.19.255.1/h,                         refused,    refused",
            "http://198.51.100.1/h,                         refused,    refused",
            "http://203.0.113.1/h,                          refused,    refused",
            "http://224.0.0.1/h,                            refused,    refused",
            "http://240.0.0.1/h,                            refused,    refused",
            "http://255.255.255.255/h,                      refused,    refused",
            "http://[::]/h,                                 refused,    refused",
            "http://[::ffff:127.0.0.1]/h,                   refused,    refused",
            "http://[::ffff:169.254.169.254]/h,             refused,    refused",
            "http://[::ffff:7f00:1]/h,                      refused,    refused",
            "http://[::127.0.0.1]/h,                        refused,    refused",
            "http://[64:ff9b::7f00:1]/h,                    refused,    refused",
            "http://[64:ff9b:1::a9fe:a9fe]/h,               refused,    refused",
            "http://[2002:7f00:1::]/h,                      refused,    refused",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/h, refused,  refused",
            "http://[fd00:ec2::254]/latest,                 refused,    refused",
            "http://[fd00::1]/h,                            refused,    refused",
            "http://[fe80::1]/h,                            refused,    refused",
            "http://[fec0::1]/h,                            refused,    refused",
            "http://[ff02::1]/h,                            refused,    refused",
            "http://[2001:db8::1]/h,                        refused,    refused",
            "ftp://93.184.216.34/hook,                      refused,    refused",
            "file:///etc/passwd,                            refused,    refused",
            "not a url,                                     refused,    refused",
            "http://user:pw@93.184.216.34/hook,             refused,    refused",
    })
    void addressTable(String url, String inProduction, String inLocal) {
        assertEquals(inProduction, verdict(production, url), "production profile: " + url);
        assertEquals(inLocal, verdict(local, url), "local profile: " + url);
    }

    /** A name that answers a public address when checked and loopback when asked again (DNS rebinding). */
    @Test
    void aRebindingNameIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        InetAddress checked = InetAddress.getByName("93.184.216.34");
        InetAddress rebound = InetAddress.getByName("127.0.0.1");
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> new InetAddress[]{lookups.getAndIncrement() == 0 ? checked : rebound};

        WebhookUrlPolicy.Check check = new WebhookUrlPolicy(false, rebinding).check("https://rebind.example/hook?x=1");

        assertNull(check.refusal());
        assertEquals(1, lookups.get(), "one lookup per check");
        assertEquals(checked, check.target().address(), "the sender connects to the address that was checked");
        assertEquals("rebind.example", check.target().host(), "Host header and TLS use the name");
        assertEquals(443, check.target().port());
        assertEquals("/hook?x=1", check.target().requestUri());
    }

    @Test
    void aNameWithAnyRefusedAddressIsRefused() {
        HostResolver mixed = host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")};
        assertTrue(new WebhookUrlPolicy(false, mixed).refusal("http://mixed.example/h").isPresent());
    }

    @Test
    void anUnresolvableNameIsRefused() {
        HostResolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertEquals(Optional.of("host nowhere.example cannot be resolved"),
                new WebhookUrlPolicy(false, none).refusal("http://nowhere.example/h"));
    }

    private static String verdict(WebhookUrlPolicy policy, String url) {
        return policy.refusal(url).isPresent() ? "refused" : "allowed";
    }
}
