package org.georisk.ingest.service;

import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.CameoCodes.CameoCode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CAMEO table ingest validates against (contracts cameo-codes.tsv) is the whole codebook, consistently built. */
class CameoTableTest {

    private final Map<String, CameoCode> table = CameoCodes.all();

    @Test
    void everyRootIsThere() {
        for (int root = 1; root <= 20; root++) {
            assertTrue(CameoCodes.isKnown(String.format("%02d", root)), "root " + root);
        }
    }

    @Test
    void everyCodeHasItsParentAndABoundedGoldsteinAndAName() {
        for (CameoCode c : table.values()) {
            assertTrue(c.code().matches("\\d{2,4}"), c.code());
            if (c.code().length() > 2) {
                String parent = c.code().substring(0, c.code().length() - 1);
                assertTrue(table.containsKey(parent), c.code() + " has no parent " + parent);
            }
            assertTrue(c.goldstein() >= -10 && c.goldstein() <= 10, c.code());
            assertTrue(!c.name().isBlank(), c.code());
        }
    }

    @Test
    void theThreeLevelsAreComplete() {
        long second = table.keySet().stream().filter(k -> k.length() == 3).count();
        long third = table.keySet().stream().filter(k -> k.length() == 4).count();
        // CAMEO 1.1b3 has 147 second-level codes (010–019 … 200–204) and about 145 third-level ones
        assertTrue(second >= 147, "second-level codes: " + second);
        assertTrue(third >= 140, "third-level codes: " + third);
        assertEquals("Sign formal agreement", table.get("057").name());
        assertEquals(8.0, table.get("057").goldstein());
        assertEquals(-10.0, table.get("2042").goldstein());
        assertEquals(2, table.get("0874").quadClass());
    }
}
