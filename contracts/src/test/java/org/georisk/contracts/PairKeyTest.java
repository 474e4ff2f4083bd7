package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairKeyTest {

    @Test
    void sortsTheTwoActors() {
        assertEquals("AZE-RUS", PairKey.of("RUS", "AZE"));
        assertEquals("AZE-RUS", PairKey.of("AZE", "RUS"));
    }

    @Test
    void domesticEventsPairAnActorWithItself() {
        assertEquals("ARM-ARM", PairKey.of("ARM", null));
        assertEquals("ARM-ARM", PairKey.of("ARM", " "));
        assertEquals("ARM-ARM", PairKey.of("ARM", "ARM"));
        assertTrue(PairKey.isDomestic("ARM-ARM"));
        assertFalse(PairKey.isDomestic("ARM-AZE"));
    }

    @Test
    void normalisesWhatUsersType() {
        assertEquals("AZE-RUS", PairKey.normalise("rus-aze"));
        assertEquals("ARM-EU", PairKey.normalise("EU-ARM"));
        assertNull(PairKey.normalise("RUS"));
        assertNull(PairKey.normalise("XXX-RUS"));
        assertNull(PairKey.normalise("AZE-RUS-TUR"));
    }

    @Test
    void tellsWhoIsInvolved() {
        assertEquals(List.of("AZE", "RUS"), PairKey.actors("AZE-RUS"));
        assertTrue(PairKey.involves("AZE-RUS", "rus"));
        assertFalse(PairKey.involves("AZE-RUS", "ARM"));
    }
}
