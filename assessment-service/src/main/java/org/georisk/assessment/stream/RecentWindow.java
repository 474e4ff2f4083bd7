package org.georisk.assessment.stream;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.georisk.assessment.service.CategorySums;
import org.georisk.assessment.service.Contribution;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of each pair's trend window (t &gt; asOf − 7 days), one small record each in the recent-events store, so
 * the pair state stays small however busy the pair is. The key sorts by pair, then event time, then eventId
 * ({@code pair · 0x00 · seconds (sign bit flipped) · nanos · eventId}, big-endian; actor codes are A–Z and '-', all
 * above 0x00, so one pair's keys are one contiguous range); the value is the event's signed fixed-point term. When a
 * pair's asOf moves on, the events that fall out of the window are read as one range scan, removed, and returned as
 * sums to add to the pair's settled baseline: each event enters and leaves once, so the cost per event stays O(1).
 */
final class RecentWindow {

    private static final int TIME_AND_ID = Long.BYTES + Integer.BYTES + 2 * Long.BYTES;

    private final KeyValueStore<Bytes, byte[]> store;

    RecentWindow(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Keeps an event of the pair's trend window. */
    void add(String pair, Contribution event) {
        store.put(key(pair, event.occurredAt(), event.eventId().getMostSignificantBits(),
                event.eventId().getLeastSignificantBits()), event.term().toByteArray());
    }

    /** Removes the pair's events with t ≤ cutoff and returns their sums. */
    CategorySums removeUpTo(String pair, Instant cutoff) {
        Bytes from = pairStart(pair);
        Bytes to = key(pair, cutoff, -1L, -1L);
        CategorySums left = CategorySums.ZERO;
        List<Bytes> expired = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = store.range(from, to)) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> entry = range.next();
                left = left.add(new BigInteger(entry.value));
                expired.add(entry.key);
            }
        }
        for (Bytes key : expired) {
            store.delete(key);
        }
        return left;
    }

    /** {@code pair · 0x00}: sorts before every key of the pair (a prefix sorts first). */
    static Bytes pairStart(String pair) {
        byte[] prefix = pair.getBytes(StandardCharsets.US_ASCII);
        byte[] start = new byte[prefix.length + 1];
        System.arraycopy(prefix, 0, start, 0, prefix.length);
        return Bytes.wrap(start);
    }

    /**
     * The store key. Seconds are written with the sign bit flipped so that unsigned byte order is time order; the
     * eventId's two halves are compared as unsigned bytes, which only has to be a fixed order, not UUID order.
     */
    static Bytes key(String pair, Instant t, long idHigh, long idLow) {
        byte[] prefix = pair.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer key = ByteBuffer.allocate(prefix.length + 1 + TIME_AND_ID);
        key.put(prefix).put((byte) 0);
        key.putLong(t.getEpochSecond() ^ Long.MIN_VALUE).putInt(t.getNano());
        key.putLong(idHigh).putLong(idLow);
        return Bytes.wrap(key.array());
    }
}
