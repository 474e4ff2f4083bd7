package org.georisk.gateway.stream;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveHubTest {

    private static StreamEvent event(long n, String pair) {
        return new StreamEvent(new EventPosition(n, 0, n), pair, "alert-" + n, "{\"n\":" + n + "}");
    }

    @Test
    void aSlowClientIsDroppedWithoutHoldingUpAFastOne() {
        LiveHub hub = new LiveHub(1000, 4);
        AssertSubscriber<StreamEvent> slow = hub.subscribe(null, null).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<StreamEvent> fast = hub.subscribe(null, null).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        assertEquals(2, hub.clients());
        for (long n = 1; n <= 20; n++) {
            hub.publish(event(n, "AZE-RUS"));
        }
        assertEquals(20, fast.getItems().size());
        assertEquals(1, hub.clients(), "the slow client is still fed");
        // what was queued before it fell behind still arrives, then the stream fails and the transport closes it
        slow.request(100);
        assertEquals(4, slow.getItems().size());
        assertTrue(slow.getFailure() instanceof LiveHub.SlowClientException, "the slow client was not failed");
    }

    @Test
    void aResumingClientGetsTheMissedEventsThenLiveOnesWithoutAGap() {
        LiveHub hub = new LiveHub(1000, 4);
        for (long n = 1; n <= 10; n++) {
            hub.publish(event(n, n % 2 == 0 ? "AZE-RUS" : "ARM-RUS"));
        }
        AssertSubscriber<StreamEvent> resumed = hub.subscribe("AZE-RUS", new EventPosition(4, 0, 4))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        hub.publish(event(11, "ARM-RUS"));
        hub.publish(event(12, "AZE-RUS"));
        assertEquals(java.util.List.of(6L, 8L, 10L, 12L),
                resumed.getItems().stream().map(e -> e.position().offset()).toList());
    }

    @Test
    void aRepeatReachesNobody() {
        LiveHub hub = new LiveHub(1000, 4);
        AssertSubscriber<StreamEvent> client = hub.subscribe(null, null).subscribe().withSubscriber(AssertSubscriber.create(10));
        hub.publish(event(1, "P"));
        hub.publish(new StreamEvent(new EventPosition(2, 1, 9), "P", "alert-1", "{}"));
        assertEquals(1, client.getItems().size());
    }

    @Test
    void aCancelledClientLeavesTheHub() {
        LiveHub hub = new LiveHub(1000, 4);
        AssertSubscriber<StreamEvent> client = hub.subscribe(null, null).subscribe().withSubscriber(AssertSubscriber.create(10));
        assertEquals(1, hub.clients());
        client.cancel();
        assertEquals(0, hub.clients());
    }
}
