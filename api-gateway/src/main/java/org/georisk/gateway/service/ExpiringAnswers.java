package org.georisk.gateway.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers about keys, each kept for a time to live, with one lookup per key in flight: when an answer is missing or
 * expired, one caller looks it up and the key's other concurrent callers wait for that answer instead of each asking
 * too (64 connections of one feed otherwise sent 64 lookups every TTL, and held 64 worker threads). Bounded: past
 * {@code maxEntries} it starts over.
 */
final class ExpiringAnswers<V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** One lock object per key being looked up right now. */
    private final Map<String, Object> lookingUp = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    ExpiringAnswers(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    V get(String key, Duration ttl, Supplier<V> lookup) {
        Entry<V> cached = fresh(key);
        if (cached != null) {
            return cached.value();
        }
        synchronized (lookingUp.computeIfAbsent(key, k -> new Object())) {
            try {
                cached = fresh(key);
                if (cached != null) {
                    return cached.value();
                }
                V value = lookup.get();
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
                return value;
            } finally {
                lookingUp.remove(key);
            }
        }
    }

    void clear() {
        entries.clear();
    }

    private Entry<V> fresh(String key) {
        Entry<V> cached = entries.get(key);
        return cached != null && cached.expires().isAfter(clock.instant()) ? cached : null;
    }
}
