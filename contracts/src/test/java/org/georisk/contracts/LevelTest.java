package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelTest {

    @Test
    void boundsBelongToTheHigherLevel() {
        assertEquals(Level.LOW, Level.of(0));
        assertEquals(Level.LOW, Level.of(24.99));
        assertEquals(Level.GUARDED, Level.of(25));
        assertEquals(Level.GUARDED, Level.of(49.99));
        assertEquals(Level.ELEVATED, Level.of(50));
        assertEquals(Level.HIGH, Level.of(70));
        assertEquals(Level.HIGH, Level.of(84.99));
        assertEquals(Level.SEVERE, Level.of(85));
        assertEquals(Level.SEVERE, Level.of(100));
    }

    @Test
    void customBoundsAreHonoured() {
        assertEquals(Level.ELEVATED, Level.of(30, new double[]{10, 20, 40, 60}));
        assertTrue(Level.HIGH.atLeast(Level.ELEVATED));
    }
}
