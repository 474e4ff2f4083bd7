package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.georisk.assessment.service.InMemoryScoringStores;
import org.georisk.assessment.service.PairScorer;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.assessment.service.StoryState;
import org.georisk.contracts.GeoEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary formats of the pair-state and stories stores. */
class PairStateSerdeTest {

    @Test
    void aStateReadsBackEqualAndStaysSmallHoweverManyEvents() {
        InMemoryScoringStores stores = new InMemoryScoringStores();
        PairScorer scorer = new PairScorer(ScoringParameters.DEFAULTS, stores);
        List<GeoEvent> events = AssessmentTopologyTest.generated(2000, new Random(1));
        events.forEach(e -> scorer.apply(e.pairKey(), e));
        for (PairState state : stores.pairs().values()) {
            byte[] bytes = PairStateSerde.write(state);
            assertEquals(state, PairStateSerde.read(bytes));
            assertTrue(bytes.length < 4096, "a pair state of " + state.eventCount() + " events: " + bytes.length);
        }
        assertEquals(PairState.empty(), PairStateSerde.read(PairStateSerde.write(PairState.empty())));
    }

    @Test
    void aStateWithStoriesBeforeTheReferenceTimeReadsBackEqual() {
        InMemoryScoringStores stores = new InMemoryScoringStores();
        PairScorer scorer = new PairScorer(ScoringParameters.DEFAULTS, stores);
        for (GeoEvent e : AssessmentTopologyTest.generated(300, new Random(4))) {
            // the same events two centuries earlier, and as they are: sums with a scale > 0
            GeoEvent old = new GeoEvent(UUID.nameUUIDFromBytes(e.eventId().toString().getBytes(StandardCharsets.UTF_8)),
                    e.source(), e.externalId(), e.occurredAt().minus(Duration.ofDays(200 * 365)), e.actor1(),
                    e.actor2(), e.cameoCode(), e.quadClass(), e.goldstein(), e.mentions(), e.category(),
                    e.headline(), e.url(), e.receivedAt());
            scorer.apply(old.pairKey(), old);
            scorer.apply(e.pairKey(), e);
        }
        for (PairState state : stores.pairs().values()) {
            assertTrue(state.total().scale() > 0);
            assertEquals(state, PairStateSerde.read(PairStateSerde.write(state)));
        }
    }

    @Test
    void aStoryReadsBackEqual() throws Exception {
        for (GeoEvent e : AssessmentTopologyTest.generated(50, new Random(2))) {
            StoryState story = StoryState.first(e);
            assertEquals(story, KafkaScoringStores.read(KafkaScoringStores.writeStory(story)));
        }
        GeoEvent noHeadline = AssessmentTopologyTest.generated(1, new Random(3)).get(0);
        noHeadline = new GeoEvent(noHeadline.eventId(), noHeadline.source(), noHeadline.externalId(),
                noHeadline.occurredAt(), noHeadline.actor1(), noHeadline.actor2(), noHeadline.cameoCode(), null,
                noHeadline.goldstein(), noHeadline.mentions(), noHeadline.category(), null, null, null);
        StoryState story = StoryState.first(noHeadline);
        assertEquals(story, KafkaScoringStores.read(KafkaScoringStores.writeStory(story)));
    }

    @Test
    void theFirstModelsStateIsRefusedWithTheCure() {
        SerializationException json = assertThrows(SerializationException.class,
                () -> PairStateSerde.read("{\"sums\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(json.getMessage().contains("rebuild.sh"), json.getMessage());
        SerializationException v1 = assertThrows(SerializationException.class,
                () -> PairStateSerde.read(new byte[]{1, 0, 0}));
        assertTrue(v1.getMessage().contains("rebuild.sh"), v1.getMessage());
        // format 2: sums without the scale that stories before 2000 need
        SerializationException v2 = assertThrows(SerializationException.class,
                () -> PairStateSerde.read(new byte[]{2, 0, 0}));
        assertTrue(v2.getMessage().contains("rebuild.sh"), v2.getMessage());
    }
}
