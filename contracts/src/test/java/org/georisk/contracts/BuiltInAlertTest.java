package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuiltInAlertTest {

    @Test
    void aRiseIsLevelUpAFallLevelDownNoChangeNothing() {
        assertEquals(Optional.of(AlertKind.LEVEL_UP), BuiltInAlert.of(Level.GUARDED, Level.HIGH));
        assertEquals(Optional.of(AlertKind.LEVEL_DOWN), BuiltInAlert.of(Level.SEVERE, Level.ELEVATED));
        assertEquals(Optional.empty(), BuiltInAlert.of(Level.HIGH, Level.HIGH));
    }

    @Test
    void aFirstAssessmentCountsAsComingFromLow() {
        assertEquals(Optional.empty(), BuiltInAlert.of(null, Level.LOW));
        assertEquals(Optional.of(AlertKind.LEVEL_UP), BuiltInAlert.of(null, Level.GUARDED));
    }
}
