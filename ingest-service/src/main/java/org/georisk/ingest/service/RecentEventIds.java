package org.georisk.ingest.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The eventIds this instance published and the broker acknowledged, the newest {@code capacity} of them. The archive
 * answers "duplicate" only once its consumer has stored an event; this set answers it from the moment the first
 * request was acknowledged, so a re-post right after the first answer is a duplicate whatever the archive's lag
 * (docs/performance.md, "Duplicate answers"). Bounded: the oldest ids leave first, and by then the archive holds
 * them unless it lags more than {@code capacity} events behind this instance.
 */
public final class RecentEventIds {

    private final int capacity;
    private final LinkedHashSet<UUID> ids;

    public RecentEventIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ids = new LinkedHashSet<>(Math.min(capacity, 1 << 16));
    }

    /** Remembers ids the broker acknowledged. */
    public synchronized void addAll(Collection<UUID> acknowledged) {
        for (UUID id : acknowledged) {
            if (ids.add(id) && ids.size() > capacity) {
                ids.remove(ids.iterator().next());
            }
        }
    }

    /** Which of these ids were acknowledged recently. */
    public synchronized Set<UUID> known(Collection<UUID> candidates) {
        Set<UUID> found = new java.util.HashSet<>();
        for (UUID id : candidates) {
            if (ids.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    public synchronized int size() {
        return ids.size();
    }
}
