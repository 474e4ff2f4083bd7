package org.georisk.assessment.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.georisk.assessment.service.Evidence;
import org.georisk.assessment.service.Fixed;
import org.georisk.assessment.service.PairState;
import org.georisk.assessment.service.StoryDriver;
import org.georisk.assessment.service.StoryKey;
import org.georisk.contracts.Category;

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
 * path: as JSON (decimal BigIntegers of ~100 digits, 28 of them) it cost the stream about four fifths of its rate
 * (docs/scoring.md, "Throughput").
 * <p>
 * Layout (big-endian, {@link DataOutputStream}): format byte {@link #FORMAT}; eventCount, storyCount, version (long);
 * asOf (0 byte for none, else 1 + seconds long + nanos int); categories (count, then ordinal byte and the four sums);
 * settled (four sums); drivers (count, then story key: pair, day, code, category; eventId as two longs; headline or
 * none; occurredAt; strength; hostile). A sum is its two's-complement bytes, length-prefixed; the four sums of an
 * {@link Evidence} and a driver's strength are preceded by their scale (int, the extra fractional bits of stories
 * dated before 2000, {@link Fixed}).
 * <p>
 * State of earlier releases (format byte 1, the first model; 2, sums without a scale; or JSON starting with '{') is
 * refused with a message naming the cure, a rebuild (assessment-service/bin/rebuild.sh).
 */
final class PairStateSerde implements Serde<PairState> {

    static final byte FORMAT = 3;
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
        ByteStreams.Out buffer = new ByteStreams.Out(1024);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            out.writeLong(state.eventCount());
            out.writeLong(state.storyCount());
            out.writeLong(state.version());
            writeInstant(out, state.asOf());
            out.writeByte(state.categories().size());
            for (Map.Entry<Category, Evidence> e : state.categories().entrySet()) {
                out.writeByte(e.getKey().ordinal());
                writeEvidence(out, e.getValue());
            }
            writeEvidence(out, state.settled());
            out.writeByte(state.drivers().size());
            for (StoryDriver d : state.drivers()) {
                out.writeUTF(d.key().pair());
                writeInstant(out, d.key().day());
                out.writeUTF(d.key().code());
                out.writeByte(d.key().category().ordinal());
                out.writeLong(d.eventId().getMostSignificantBits());
                out.writeLong(d.eventId().getLeastSignificantBits());
                writeText(out, d.headline());
                writeInstant(out, d.occurredAt());
                writeFixed(out, d.strength());
                out.writeBoolean(d.hostile());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write PairState", e);
        }
        return buffer.toByteArray();
    }

    static PairState read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] != FORMAT) {
            throw new SerializationException("pair state of an earlier release (format byte " + bytes[0]
                    + "): rebuild the assessments with assessment-service/bin/rebuild.sh (docs/scoring.md, Rebuild)");
        }
        try (DataInputStream in = new DataInputStream(new ByteStreams.In(bytes))) {
            in.readByte();
            long eventCount = in.readLong();
            long storyCount = in.readLong();
            long version = in.readLong();
            Instant asOf = readInstant(in);
            Map<Category, Evidence> categories = new EnumMap<>(Category.class);
            int n = in.readUnsignedByte();
            for (int i = 0; i < n; i++) {
                Category category = CATEGORIES[in.readUnsignedByte()];
                categories.put(category, readEvidence(in));
            }
            Evidence settled = readEvidence(in);
            int driverCount = in.readUnsignedByte();
            List<StoryDriver> drivers = new ArrayList<>(driverCount);
            for (int i = 0; i < driverCount; i++) {
                StoryKey key = new StoryKey(in.readUTF(), readInstant(in), in.readUTF(),
                        CATEGORIES[in.readUnsignedByte()]);
                UUID eventId = new UUID(in.readLong(), in.readLong());
                drivers.add(new StoryDriver(key, eventId, readText(in), readInstant(in), readFixed(in),
                        in.readBoolean()));
            }
            return new PairState(categories, settled, List.copyOf(drivers), eventCount, storyCount, version, asOf);
        } catch (IOException e) {
            throw new SerializationException("cannot read PairState", e);
        }
    }

    private static void writeEvidence(DataOutputStream out, Evidence e) throws IOException {
        out.writeInt(e.scale());
        writeBig(out, e.acuteEvidence());
        writeBig(out, e.acuteHostile());
        writeBig(out, e.structuralEvidence());
        writeBig(out, e.structuralHostile());
    }

    private static Evidence readEvidence(DataInputStream in) throws IOException {
        int scale = in.readInt();
        return new Evidence(readBig(in), readBig(in), readBig(in), readBig(in), scale);
    }

    private static void writeFixed(DataOutputStream out, Fixed f) throws IOException {
        out.writeInt(f.scale());
        writeBig(out, f.unscaled());
    }

    private static Fixed readFixed(DataInputStream in) throws IOException {
        int scale = in.readInt();
        return new Fixed(readBig(in), scale);
    }

    private static void writeBig(DataOutputStream out, BigInteger value) throws IOException {
        byte[] b = value.toByteArray();
        out.writeShort(b.length);
        out.write(b);
    }

    private static BigInteger readBig(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return new BigInteger(b);
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        if (t == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readByte() == 0 ? null : Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
