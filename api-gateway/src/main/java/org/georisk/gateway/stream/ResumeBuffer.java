package org.georisk.gateway.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The last {@code capacity} records of one stream in {@link EventPosition} order, for Last-Event-ID resume, plus
 * the dedup keys already seen (a larger window, so a repeat is dropped even after its original left the buffer).
 * Not thread-safe: {@link LiveHub} guards it.
 */
public final class ResumeBuffer {

    private final int capacity;
    private final NavigableMap<EventPosition, StreamEvent> events = new TreeMap<>();
    private final Map<String, Boolean> seen;

    public ResumeBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        int seenCapacity = capacity * 4;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > seenCapacity;
            }
        };
    }

    /** Adds a record; false when it is a repeat (same dedup key or same position) and must not be pushed. */
    public boolean add(StreamEvent event) {
        if (event.dedupKey() != null && seen.containsKey(event.dedupKey())) {
            return false;
        }
        if (events.containsKey(event.position())) {
            return false;
        }
        if (event.dedupKey() != null) {
            seen.put(event.dedupKey(), Boolean.TRUE);
        }
        events.put(event.position(), event);
        while (events.size() > capacity) {
            events.pollFirstEntry();
        }
        return true;
    }

    /** The records after {@code after}, oldest first; all retained ones when {@code after} is older than them all. */
    public List<StreamEvent> after(EventPosition after, String pair) {
        List<StreamEvent> result = new ArrayList<>();
        for (StreamEvent event : events.tailMap(after, false).values()) {
            if (pair == null || pair.equals(event.pair())) {
                result.add(event);
            }
        }
        return result;
    }

    public int size() {
        return events.size();
    }
}
