package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.ScoringStores;
import org.georisk.assessment.service.StoryKey;
import org.georisk.assessment.service.StoryState;
import org.georisk.contracts.Category;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link ScoringStores} on the task's Kafka Streams stores (RocksDB, changelogged). A story's key sorts as
 * {@link StoryKey} does: {@code pair · 0x00 · seconds (sign bit flipped) · nanos · code · 0x00 · category}, big-endian
 * (actor codes are A–Z and '-', codes are digits or '#' and a UUID, all above 0x00 and below 0xFF), so the stories of
 * one pair dated in an interval are one range scan.
 */
final class KafkaScoringStores implements ScoringStores {

    private static final int TIME_BYTES = Long.BYTES + Integer.BYTES;
    /**
     * Pair states kept decoded, most recently used first: reading a pair's state back from the store would decode
     * it for every event (a sixth of an event's work). The processor is the store's only writer and a new one
     * (with an empty map) is initialised whenever its task is (re)started, so the map never holds what the store
     * does not. A bound, so a task with very many pairs keeps only its active ones.
     */
    static final int DECODED_PAIRS = 4096;

    private final KeyValueStore<String, Long> seen;
    private final KeyValueStore<String, PairState> pairs;
    private final KeyValueStore<Bytes, byte[]> stories;
    private final Map<String, PairState> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PairState> eldest) {
            return size() > DECODED_PAIRS;
        }
    };

    KafkaScoringStores(KeyValueStore<String, Long> seen, KeyValueStore<String, PairState> pairs,
                       KeyValueStore<Bytes, byte[]> stories) {
        this.seen = seen;
        this.pairs = pairs;
        this.stories = stories;
    }

    @Override
    public boolean firstSighting(String eventId, Instant occurredAt) {
        if (seen.get(eventId) != null) {
            return false;
        }
        seen.put(eventId, occurredAt.toEpochMilli());
        return true;
    }

    @Override
    public PairState pairState(String pair) {
        PairState state = decoded.get(pair);
        if (state == null) {
            state = pairs.get(pair);
            if (state != null) {
                decoded.put(pair, state);
            }
        }
        return state;
    }

    @Override
    public void putPairState(String pair, PairState state) {
        pairs.put(pair, state);
        decoded.put(pair, state);
    }

    @Override
    public StoryState story(StoryKey key) {
        byte[] value = stories.get(encode(key));
        return value == null ? null : read(value);
    }

    @Override
    public void putStory(StoryKey key, StoryState state) {
        try {
            stories.put(encode(key), writeStory(state));
        } catch (IOException e) {
            throw new SerializationException("cannot write StoryState", e);
        }
    }

    @Override
    public List<Map.Entry<StoryKey, StoryState>> storiesBetween(String pair, Instant after, Instant upTo) {
        Bytes from = Bytes.wrap(prefix(pair, after.plusNanos(1), 0).array());
        ByteBuffer to = prefix(pair, upTo, 1);
        to.put((byte) 0xFF);
        List<Map.Entry<StoryKey, StoryState>> found = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = stories.range(from, Bytes.wrap(to.array()))) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> entry = range.next();
                found.add(new AbstractMap.SimpleImmutableEntry<>(decode(pair, entry.key.get()), read(entry.value)));
            }
        }
        return found;
    }

    static Bytes encode(StoryKey key) {
        byte[] code = key.code().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = prefix(key.pair(), key.day(), code.length + 2);
        b.put(code).put((byte) 0).put((byte) key.category().ordinal());
        return Bytes.wrap(b.array());
    }

    static StoryKey decode(String pair, byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key, pair.length() + 1, key.length - pair.length() - 1);
        Instant day = Instant.ofEpochSecond(b.getLong() ^ Long.MIN_VALUE, b.getInt());
        int codeLength = b.remaining() - 2;
        String code = new String(key, b.position(), codeLength, StandardCharsets.US_ASCII);
        Category category = Category.values()[key[key.length - 1]];
        return new StoryKey(pair, day, code, category);
    }

    /** {@code pair · 0x00 · time}, with room for {@code extra} more bytes. */
    private static ByteBuffer prefix(String pair, Instant t, int extra) {
        byte[] p = pair.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(p.length + 1 + TIME_BYTES + extra);
        b.put(p).put((byte) 0).putLong(t.getEpochSecond() ^ Long.MIN_VALUE).putInt(t.getNano());
        return b;
    }

    /** A story's value: rows, max mentions, min and max Goldstein, then its lead row; binary, as it is on the hot path. */
    static byte[] writeStory(StoryState s) throws IOException {
        ByteStreams.Out buffer = new ByteStreams.Out(96);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeLong(s.rows());
            out.writeInt(s.maxMentions());
            out.writeDouble(s.minGoldstein());
            out.writeDouble(s.maxGoldstein());
            StoryState.Lead lead = s.lead();
            out.writeLong(lead.eventId().getMostSignificantBits());
            out.writeLong(lead.eventId().getLeastSignificantBits());
            out.writeInt(lead.mentions());
            out.writeLong(lead.occurredAt().getEpochSecond());
            out.writeInt(lead.occurredAt().getNano());
            out.writeBoolean(lead.headline() != null);
            if (lead.headline() != null) {
                byte[] text = lead.headline().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
        }
        return buffer.toByteArray();
    }

    static StoryState read(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteStreams.In(value))) {
            long rows = in.readLong();
            int maxMentions = in.readInt();
            double minGoldstein = in.readDouble();
            double maxGoldstein = in.readDouble();
            UUID eventId = new UUID(in.readLong(), in.readLong());
            int mentions = in.readInt();
            Instant occurredAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String headline = null;
            if (in.readBoolean()) {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                headline = new String(text, StandardCharsets.UTF_8);
            }
            return new StoryState(rows, maxMentions, minGoldstein, maxGoldstein,
                    new StoryState.Lead(eventId, mentions, occurredAt, headline));
        } catch (IOException e) {
            throw new SerializationException("cannot read StoryState", e);
        }
    }
}
