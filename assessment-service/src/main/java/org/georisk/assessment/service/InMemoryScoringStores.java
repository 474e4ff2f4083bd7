package org.georisk.assessment.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@link ScoringStores} in plain maps: the backtest and unit tests run the stream's scoring without a broker. */
public final class InMemoryScoringStores implements ScoringStores {

    private final Set<String> seen = new HashSet<>();
    private final Map<String, PairState> pairs = new HashMap<>();
    private final TreeMap<StoryKey, StoryState> stories = new TreeMap<>();

    @Override
    public boolean firstSighting(String eventId, Instant occurredAt) {
        return seen.add(eventId);
    }

    @Override
    public PairState pairState(String pair) {
        return pairs.get(pair);
    }

    @Override
    public void putPairState(String pair, PairState state) {
        pairs.put(pair, state);
    }

    @Override
    public StoryState story(StoryKey key) {
        return stories.get(key);
    }

    @Override
    public void putStory(StoryKey key, StoryState state) {
        stories.put(key, state);
    }

    @Override
    public List<Map.Entry<StoryKey, StoryState>> storiesBetween(String pair, Instant after, Instant upTo) {
        return new ArrayList<>(stories.subMap(StoryKey.after(pair, after), true, StoryKey.upTo(pair, upTo), true)
                .entrySet());
    }

    /** Every pair seen, with its state (the backtest's result). */
    public Map<String, PairState> pairs() {
        return pairs;
    }
}
