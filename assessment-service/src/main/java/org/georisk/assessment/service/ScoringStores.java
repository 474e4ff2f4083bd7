package org.georisk.assessment.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state the scoring keeps, behind one small interface so that the same {@link PairScorer} runs in the stream
 * (Kafka Streams stores, stream.KafkaScoringStores) and in the backtest (maps, {@link InMemoryScoringStores}).
 */
public interface ScoringStores {

    /** Records an eventId; false when it was counted before (the event is then dropped). */
    boolean firstSighting(String eventId, Instant occurredAt);

    /** The pair's state, or null before its first event. */
    PairState pairState(String pair);

    void putPairState(String pair, PairState state);

    /** A story's state, or null before its first row. */
    StoryState story(StoryKey key);

    void putStory(StoryKey key, StoryState state);

    /** The pair's stories dated after {@code after} and at or before {@code upTo}, in key order. */
    List<Map.Entry<StoryKey, StoryState>> storiesBetween(String pair, Instant after, Instant upTo);
}
