package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.georisk.assessment.service.CategorySums;
import org.georisk.assessment.service.Contribution;
import org.georisk.assessment.service.PairState;
import org.georisk.contracts.Category;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pair-state store's value format: a compact binary encoding of {@link PairState}. The store is read and
 * written once per event and every write also goes to its changelog topic, so the encoding is on the stream's hot
 * path (docs/scoring.md, "Rebuild rate").
 * <p>
 * Layout (big-endian, {@link DataOutputStream}): format byte {@link #FORMAT_V1}; eventCount, version (long); asOf
 * (instant: 0 byte for none, else 1 + seconds long + nanos int); sums (count, then category ordinal byte, tension,
 * cooperation as length-prefixed two's-complement bytes); settled (tension, cooperation); drivers (count, then
 * eventId as two longs, occurredAt, category ordinal, term, headline as length-prefixed UTF-8 or −1 for none).
 * <p>
 * The first releases kept the state as JSON with the trend window inside it; such a value (it starts with '{') is
 * refused with a message naming the cure, a rebuild (assessment-service/bin/rebuild.sh).
 */
final class PairStateSerde implements Serde<PairState> {

    static final byte FORMAT_V1 = 1;
    private static final byte JSON_OBJECT = '{';
    private static final Category[] CATEGORIES = Category.values();

    @Override
    public Serializer<PairState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<PairState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(PairState state) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + 64 * (PairState.DRIVER_COUNT + 8));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT_V1);
            out.writeLong(state.eventCount());
            out.writeLong(state.version());
            writeInstant(out, state.asOf());
            out.writeInt(state.sums().size());
            for (Map.Entry<Category, CategorySums> e : state.sums().entrySet()) {
                out.writeByte(e.getKey().ordinal());
                writeInteger(out, e.getValue().tension());
                writeInteger(out, e.getValue().cooperation());
            }
            writeInteger(out, state.settled().tension());
            writeInteger(out, state.settled().cooperation());
            writeContributions(out, state.drivers());
        } catch (IOException e) {
            throw new SerializationException("cannot write PairState", e);
        }
        return buffer.toByteArray();
    }

    static PairState read(byte[] bytes) {
        try {
            if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
                throw new SerializationException("pair state in the JSON form of an earlier release: rebuild the"
                        + " assessments once (assessment-service/bin/rebuild.sh, docs/scoring.md \"Rebuild\")");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new SerializationException("unknown PairState format " + format);
            }
            long eventCount = in.readLong();
            long version = in.readLong();
            Instant asOf = readInstant(in);
            int categories = in.readInt();
            Map<Category, CategorySums> sums = new EnumMap<>(Category.class);
            for (int i = 0; i < categories; i++) {
                Category category = CATEGORIES[in.readUnsignedByte()];
                sums.put(category, new CategorySums(readInteger(in), readInteger(in)));
            }
            CategorySums settled = new CategorySums(readInteger(in), readInteger(in));
            List<Contribution> drivers = readContributions(in);
            return new PairState(sums, settled, drivers, eventCount, version, asOf);
        } catch (IOException | RuntimeException e) {
            throw e instanceof SerializationException se ? se : new SerializationException("cannot read PairState", e);
        }
    }

    private static void writeContributions(DataOutputStream out, List<Contribution> list) throws IOException {
        out.writeInt(list.size());
        for (Contribution c : list) {
            out.writeLong(c.eventId().getMostSignificantBits());
            out.writeLong(c.eventId().getLeastSignificantBits());
            writeInstant(out, c.occurredAt());
            out.writeByte(c.category().ordinal());
            writeInteger(out, c.term());
            if (c.headline() == null) {
                out.writeInt(-1);
            } else {
                byte[] text = c.headline().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
        }
    }

    private static List<Contribution> readContributions(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<Contribution> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            UUID eventId = new UUID(in.readLong(), in.readLong());
            Instant occurredAt = readInstant(in);
            Category category = CATEGORIES[in.readUnsignedByte()];
            BigInteger term = readInteger(in);
            int length = in.readInt();
            String headline = null;
            if (length >= 0) {
                byte[] text = new byte[length];
                in.readFully(text);
                headline = new String(text, StandardCharsets.UTF_8);
            }
            list.add(new Contribution(eventId, occurredAt, category, term, headline));
        }
        return List.copyOf(list);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        if (instant == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readByte() == 0 ? null : Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeInteger(DataOutputStream out, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static BigInteger readInteger(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return new BigInteger(bytes);
    }
}
