package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameoCodesTest {

    @Test
    void everyRootIsPresentWithItsQuadClass() {
        for (int r = 1; r <= 20; r++) {
            String root = String.format("%02d", r);
            assertTrue(CameoCodes.isKnown(root), root);
        }
        assertEquals(1, CameoCodes.find("04").orElseThrow().quadClass());
        assertEquals(2, CameoCodes.find("07").orElseThrow().quadClass());
        assertEquals(3, CameoCodes.find("12").orElseThrow().quadClass());
        assertEquals(4, CameoCodes.find("19").orElseThrow().quadClass());
    }

    @Test
    void goldsteinValuesStayOnTheScale() {
        CameoCodes.all().values().forEach(c -> {
            assertTrue(c.goldstein() >= -10 && c.goldstein() <= 10, c.code());
            assertTrue(c.code().matches("\\d{2,4}"), c.code());
            assertTrue(c.code().startsWith(c.root()));
        });
    }

    @Test
    void unknownCodesAreUnknown() {
        assertFalse(CameoCodes.isKnown("21"));
        assertFalse(CameoCodes.isKnown(null));
        assertFalse(CameoCodes.isKnown("abc"));
    }
}
