package org.georisk.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.notification.repository.ScoreHistoryRepository;
import org.georisk.notification.repository.ScoreHistoryRepository.Point;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SCORE_JUMP baselines' storage on the real database: each pair forgets only its own points older than its own
 * retention bound (one range delete per pair), and the lowest score is read within the window that is left.
 */
@QuarkusTest
class ScoreHistoryRetentionTest {

    @Inject
    ScoreHistoryRepository scores;

    @Test
    void eachPairForgetsOnlyItsOwnPointsOlderThanItsBound() {
        Instant day = Instant.parse("2024-03-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> scores.record(List.of(
                new Point("AND-MCO", 1, day, 10),
                new Point("AND-MCO", 2, day.plusSeconds(86_400), 30),
                new Point("AND-MCO", 3, day.plusSeconds(2 * 86_400), 50),
                new Point("LIE-SMR", 1, day, 5),
                new Point("LIE-SMR", 2, day.plusSeconds(86_400), 7))));

        QuarkusTransaction.requiringNew().run(() -> scores.prune(Map.of(
                "AND-MCO", day.plusSeconds(86_400), // forgets version 1 only: the bound itself is kept
                "LIE-SMR", day.minusSeconds(1))));   // forgets nothing

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(OptionalDouble.of(30), scores.lowestSince("AND-MCO", day, 10),
                    "AND-MCO's lowest left is version 2's, version 1 was forgotten");
            assertEquals(OptionalDouble.of(5), scores.lowestSince("LIE-SMR", day, 10),
                    "LIE-SMR kept every point: its own bound is before them");
            OptionalDouble[] both = scores.lowestSince(List.of(
                    new ScoreHistoryRepository.Lookup("AND-MCO", day, 3),
                    new ScoreHistoryRepository.Lookup("LIE-SMR", day.plusSeconds(86_400), 10)));
            assertEquals(OptionalDouble.of(30), both[0], "below version 3, from the window start on");
            assertEquals(OptionalDouble.of(7), both[1], "within the window, which starts after version 1");
        });
    }
}
