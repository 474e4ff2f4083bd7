package org.georisk.notification.service;

import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Category;
import org.georisk.contracts.Driver;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AlertFactoryTest {

    private static final Instant AS_OF = Instant.parse("2025-03-14T09:00:00Z");

    @Test
    void theMessageIsOneSentenceNamingTheStrongestDriver() {
        PairAssessment a = new PairAssessment("AZE-RUS", 57.314, Level.ELEVATED, 57.314, 30.0, 27.31, 70.0, 48.15,
                Map.of(Category.DIPLOMATIC, 57.3), 4.2,
                List.of(new Driver(UUID.randomUUID(), "Smaller thing", AS_OF, 3.0),
                        new Driver(UUID.randomUUID(), "Azerbaijan closes the Russian House in Baku.",
                                Instant.parse("2025-03-12T10:00:00Z"), -8.5)),
                12, 9, 7, AS_OF);
        Alert alert = AlertFactory.create(new Trigger(AlertKind.LEVEL_UP, "rose from GUARDED to ELEVATED"), null, a,
                new PairHistory(Level.GUARDED, Map.of()), AS_OF);

        assertEquals("AZE-RUS rose from GUARDED to ELEVATED (score 57.31): driven by \"Azerbaijan closes the Russian "
                + "House in Baku\" (2025-03-12).", alert.message());
        assertEquals(alert.alertId(), AlertFactory.create(new Trigger(AlertKind.LEVEL_UP, "rose from GUARDED to ELEVATED"),
                null, a, new PairHistory(Level.GUARDED, Map.of()), AS_OF).alertId(), "the same alert, the same id");
        assertEquals(Level.GUARDED, alert.previousLevel());
        assertEquals(a, alert.assessment());
    }

    @Test
    void idsDifferPerSubscriptionVersionAndKindButRepeatForTheSameInput() {
        UUID sub = UUID.randomUUID();
        assertEquals(AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.SCORE_JUMP),
                AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.SCORE_JUMP));
        assertNotEquals(AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.SCORE_JUMP),
                AlertFactory.alertId(null, "AZE-RUS", 3, AlertKind.SCORE_JUMP));
        assertNotEquals(AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.SCORE_JUMP),
                AlertFactory.alertId(sub, "AZE-RUS", 4, AlertKind.SCORE_JUMP));
        assertNotEquals(AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.SCORE_JUMP),
                AlertFactory.alertId(sub, "AZE-RUS", 3, AlertKind.LEVEL_UP));
    }
}
