package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GeoEventTest {

    private static GeoEvent event(Integer mentions, Category category) {
        return new GeoEvent(UUID.randomUUID(), "s", "x", Instant.parse("2025-04-07T00:00:00Z"), "AZE", "RUS", "160",
                4, -4.0, mentions, category, null, null, null);
    }

    @Test
    void normalisedFillsMentionsAndDerivesTheCategory() {
        GeoEvent n = event(null, null).normalised();
        assertEquals(1, n.mentions());
        assertEquals(Categories.defaultFor("160", "AZE", "RUS"), n.category());
    }

    @Test
    void aCompleteEventIsLeftAsItIs() {
        GeoEvent e = event(3, Category.ECONOMIC);
        assertSame(e, e.normalised());
    }
}
