package org.georisk.notification.service;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.georisk.notification.WebhookReceiver;
import org.georisk.notification.config.NotificationConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POST goes to the address the check resolved, not to whatever the name answers next: the rebinding name answers
 * the receiver's loopback address once, then an unroutable documentation address. Delivered means no second lookup.
 */
@QuarkusTest
class PinnedAddressDeliveryTest {

    @Inject
    NotificationConfig config;

    @Inject
    Vertx vertx;

    @Test
    void theSenderConnectsToTheCheckedAddressEvenWhenTheNameRebinds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            URI real = URI.create(receiver.url());
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> new InetAddress[]{InetAddress.getByName(
                    lookups.getAndIncrement() == 0 ? real.getHost() : "192.0.2.1")};
            WebhookSender sender = new WebhookSender(config, vertx, new WebhookUrlPolicy(true, rebinding));

            String url = "http://rebind.example:" + real.getPort() + real.getRawPath();
            WebhookSender.Outcome outcome = sender.send(url, "a-secret-of-16-chars", "{\"alert\":1}")
                    .get(10, TimeUnit.SECONDS);

            assertTrue(outcome.delivered(), "delivered to the checked address: " + outcome);
            assertEquals(1, lookups.get(), "the name was looked up once");
            assertEquals(1, receiver.received().size());
        }
    }
}
