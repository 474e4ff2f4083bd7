package org.georisk.gateway.stream;

import java.util.Comparator;
import java.util.Optional;

/**
 * Where a pushed record sits: its Kafka timestamp, partition and offset. Every gateway instance reads the same
 * records with the same coordinates, so the SSE id {@code <timestamp>-<partition>-<offset>} means the same on any
 * instance and after a restart, and sorting by it gives every instance the same order.
 */
public record EventPosition(long timestamp, int partition, long offset) implements Comparable<EventPosition> {

    private static final Comparator<EventPosition> ORDER = Comparator.comparingLong(EventPosition::timestamp)
            .thenComparingInt(EventPosition::partition)
            .thenComparingLong(EventPosition::offset);

    /** The SSE id. */
    public String id() {
        return timestamp + "-" + partition + "-" + offset;
    }

    /** Empty for anything that is not an id this gateway handed out. */
    public static Optional<EventPosition> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.trim().split("-");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventPosition(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(EventPosition other) {
        return ORDER.compare(this, other);
    }
}
