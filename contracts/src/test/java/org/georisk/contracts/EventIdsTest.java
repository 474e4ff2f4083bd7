package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EventIdsTest {

    @Test
    void aRepostGetsTheSameId() {
        assertEquals(EventIds.eventId("gdelt", "1234567"), EventIds.eventId("gdelt", "1234567"));
    }

    @Test
    void sourceAndExternalIdBothMatter() {
        UUID id = EventIds.eventId("gdelt", "1234567");
        assertNotEquals(id, EventIds.eventId("analyst-desk", "1234567"));
        assertNotEquals(id, EventIds.eventId("gdelt", "1234568"));
        // the separator keeps ("ab","c") and ("a","bc") apart
        assertNotEquals(EventIds.eventId("ab", "c"), EventIds.eventId("a", "bc"));
    }

    @Test
    void idsAreVersion5Ietf() {
        UUID id = EventIds.eventId("seed-report", "rossotrudnichestvo-baku-closure");
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }
}
