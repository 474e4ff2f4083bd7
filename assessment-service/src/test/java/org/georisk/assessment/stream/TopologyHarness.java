package org.georisk.assessment.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A TopologyTestDriver around the production {@link AssessmentTopology} (its RocksDB stores and serdes) with an
 * ObjectMapper configured like Quarkus's.
 */
public final class TopologyHarness implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> events;
    final TestOutputTopic<String, byte[]> assessments;
    final TestOutputTopic<byte[], byte[]> dlq;

    TopologyHarness() {
        this(ScoringParameters.DEFAULTS);
    }

    TopologyHarness(ScoringParameters params) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "georisk-assessment-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir("topology-test"));
        driver = new TopologyTestDriver(AssessmentTopology.build(MAPPER, params), props); // RocksDB, as in production
        events = driver.createInputTopic(Topics.EVENTS, new StringSerializer(), new ByteArraySerializer());
        assessments = driver.createOutputTopic(Topics.ASSESSMENTS, new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(Topics.EVENTS_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A fresh state directory, in memory where the machine has a tmpfs: the driver commits after every record, and
     * each commit fsyncs RocksDB's files and the checkpoint, which costs tens of milliseconds on a disk and nothing on
     * tmpfs. The stores are the same RocksDB stores either way.
     */
    public static String stateDir(String name) {
        Path tmpfs = Path.of("/dev/shm");
        Path base = Files.isDirectory(tmpfs) ? tmpfs.resolve("georisk-" + name) : Path.of("target", name);
        return base.resolve(UUID.randomUUID().toString()).toString();
    }

    /** An event without a CAMEO code: a story of its own. */
    static GeoEvent event(String externalId, String actor1, String actor2, Instant at, double goldstein, int mentions,
                          Category category, String headline) {
        return event(externalId, actor1, actor2, at, null, goldstein, mentions, category, headline);
    }

    /** An event with a CAMEO code: rows of one pair, UTC day, code and category are one story. */
    static GeoEvent event(String externalId, String actor1, String actor2, Instant at, String code, double goldstein,
                          int mentions, Category category, String headline) {
        return new GeoEvent(EventIds.eventId("test", externalId), "test", externalId, at, actor1, actor2, code, null,
                goldstein, mentions, category, headline, null, at);
    }

    void send(GeoEvent e) {
        events.pipeInput(e.pairKey(), json(e));
    }

    void sendAll(List<GeoEvent> all) {
        all.forEach(this::send);
    }

    /** Every assessment record emitted so far, in order. */
    List<TestRecord<String, byte[]>> emitted() {
        return assessments.readRecordsToList();
    }

    /** The last assessment JSON per pair among the given records (what compaction keeps). */
    static Map<String, byte[]> lastPerPair(List<TestRecord<String, byte[]>> records) {
        Map<String, byte[]> last = new LinkedHashMap<>();
        records.forEach(r -> last.put(r.key(), r.value()));
        return last;
    }

    static PairAssessment read(byte[] json) {
        try {
            return MAPPER.readValue(json, PairAssessment.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Iterable<Header> headers, String name) {
        for (Header h : headers) {
            if (h.key().equals(name)) {
                return new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        driver.close();
    }
}
