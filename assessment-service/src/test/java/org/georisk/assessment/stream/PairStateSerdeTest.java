package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.georisk.assessment.service.CategorySums;
import org.georisk.assessment.service.Contribution;
import org.georisk.assessment.service.PairState;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairStateSerdeTest {

    private final PairStateSerde serde = new PairStateSerde();

    @Test
    void aStateSurvivesTheStoreUnchanged() {
        PairState state = sampleState(40);

        PairState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

        assertEquals(state, read);
        assertFalse(read.settled().equals(CategorySums.ZERO), "the sample has settled events");
        assertEquals(PairState.DRIVER_COUNT, read.drivers().size());
        assertEquals("headline ü", read.drivers().get(0).headline().substring(0, 10));
    }

    @Test
    void theEmptyStateHasNoAsOf() {
        PairState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", PairState.empty()));

        assertEquals(PairState.empty(), read);
        assertNull(read.asOf());
    }

    @Test
    void aStateFromTheEarlierJsonReleaseIsRefusedWithTheCure() {
        byte[] json = "{\"sums\":{},\"recent\":[],\"drivers\":[],\"eventCount\":0,\"version\":0}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        SerializationException refused = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", json));
        assertTrue(refused.getMessage().contains("rebuild.sh"), refused.getMessage());
    }

    @Test
    void anUnknownFormatIsRefusedNotMisread() {
        byte[] bytes = serde.serializer().serialize("t", sampleState(3));
        bytes[0] = 7;

        SerializationException refused = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", bytes));
        assertTrue(refused.getMessage().contains("format 7"), refused.getMessage());
    }

    /** A state built the way the stream builds it: n events folded in one by one. */
    private static PairState sampleState(int n) {
        Random random = new Random(n);
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        PairState state = PairState.empty();
        for (int i = 0; i < n; i++) {
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60))).plusNanos(random.nextInt(1000));
            double weight = random.nextInt(2001) / 100.0 - 10;
            Category category = Category.values()[random.nextInt(Category.values().length)];
            // without the recent-events store: events older than the window go to settled, the rest are left out
            state = state.with(new Contribution(EventIds.eventId("serde", Integer.toString(i)), at, category,
                    PairState.signedTerm(weight, at, Duration.ofDays(30).toMillis()), "headline ü " + i),
                    CategorySums.ZERO);
        }
        return state;
    }
}
