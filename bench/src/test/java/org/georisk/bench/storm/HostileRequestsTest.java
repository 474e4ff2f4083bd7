package org.georisk.bench.storm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storm's plan: N requests, every case in it, the heavy ones capped, every request well-formed enough to send. */
class HostileRequestsTest {

    private final HostileRequests catalogue = new HostileRequests(new HostileBodies("stormT", "calmT"),
            new HostileRequests.Keys("feed-key", "analyst-key", "ops-key"));

    @Test
    void aThousandRequestsCoverEveryCaseAndCapTheHeavyOnes() {
        List<HostileRequests.Planned> plan = catalogue.plan(1000);
        assertEquals(1000, plan.size());
        Map<String, Integer> copies = new HashMap<>();
        plan.forEach(p -> copies.merge(p.c().family() + "/" + p.c().name(), 1, Integer::sum));
        assertEquals(catalogue.cases().size(), copies.size(), "every case is sent: " + copies.keySet());
        catalogue.cases().stream().filter(c -> c.cap() > 0).forEach(c ->
                assertTrue(copies.get(c.family() + "/" + c.name()) <= c.cap(), c.name() + " is capped"));
    }

    @Test
    void everyRequestHasARequestLineAndItsCaseName() {
        for (HostileRequests.Planned planned : catalogue.plan(catalogue.cases().size())) {
            HostileRequest r = planned.build();
            assertEquals(planned.c().name(), r.name());
            String head = new String(r.head("127.0.0.1:8080"), StandardCharsets.ISO_8859_1);
            assertTrue(head.endsWith("\r\n\r\n"), r.name() + " ends its head");
            assertTrue(r.ownFraming() || head.contains("Content-Length: " + r.body().length + "\r\n"),
                    r.name() + " says its length");
        }
    }

    @Test
    void eventBodiesCarryAMarkerSoThatALeakNamesItsCase() {
        HostileBodies bodies = new HostileBodies("stormT", "calmT");
        assertTrue(bodies.truncated(3).startsWith("{\"externalId\":\"stormT-truncated-3"));
        assertTrue(new String(bodies.invalidUtf8(1), StandardCharsets.ISO_8859_1).contains("stormT-utf8-1"));
        assertTrue(bodies.unknownFields(0).contains("calmT-unknown-0") && bodies.unknownFields(0).contains("FJI"));
        assertTrue(bodies.hostileNumber(2).contains("stormT-number-2"));
    }
}
