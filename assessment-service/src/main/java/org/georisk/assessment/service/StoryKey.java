package org.georisk.assessment.service;

/** placeholder, being written */
public record StoryKey(String pair) implements Comparable<StoryKey> {
    static StoryKey after(String pair, java.time.Instant t) { return new StoryKey(pair); }
    static StoryKey upTo(String pair, java.time.Instant t) { return new StoryKey(pair); }
    public int compareTo(StoryKey o) { return pair.compareTo(o.pair); }
}
