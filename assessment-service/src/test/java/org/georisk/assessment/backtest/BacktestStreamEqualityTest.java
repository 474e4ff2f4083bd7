package org.georisk.assessment.backtest;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.assessment.stream.AssessmentTopology;
import org.georisk.assessment.stream.TopologyHarness;
import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.contracts.events.StrictJson;
import org.georisk.contracts.events.EventValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The backtest and the live stream give byte-identical assessments: the same files read by the backtest and, as
 * the events ingest would publish, piped through the production topology (its serdes and stores), in another order.
 */
class BacktestStreamEqualityTest {

    @Test
    void theSampleFeedGivesTheSameAssessmentsOnTheStreamsRocksDbStores() {
        assertSame(FeedFiles.SEED, Stores::persistentKeyValueStore);
    }

    @Test
    void aGeneratedCorpusGivesTheSameAssessments(@TempDir Path dir) throws IOException {
        Random random = new Random(21);
        String[] actors = {"AZE", "RUS", "ARM", "TUR", "USA", "CHN", "TWN", "UKR"};
        String[] codes = {"010", "036", "042", "057", "111", "120", "160", "172", "190", "193"};
        Category[] categories = {null, null, null, Category.CULTURAL, Category.ALIGNMENT};
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.parse("2024-06-01T00:00:00Z");
        for (int i = 0; i < 380; i++) {
            String a1 = actors[random.nextInt(actors.length)];
            String a2 = random.nextInt(6) == 0 ? null : actors[random.nextInt(actors.length)];
            Instant at = t0.plusSeconds(random.nextInt(300 * 86_400));
            Category category = categories[random.nextInt(categories.length)];
            lines.add("{\"source\":\"gen\",\"externalId\":\"g" + i + "\",\"occurredAt\":\"" + at
                    + "\",\"actor1\":\"" + a1 + "\"" + (a2 == null ? "" : ",\"actor2\":\"" + a2 + "\"")
                    + ",\"cameoCode\":\"" + codes[random.nextInt(codes.length)] + "\",\"mentions\":"
                    + (1 + random.nextInt(40)) + (category == null ? "" : ",\"category\":\"" + category + "\"")
                    + ",\"headline\":\"generated " + i + "\"}");
        }
        for (int i = 0; i < 20; i++) {
            lines.add(lines.get(random.nextInt(lines.size()))); // a re-post: the same line again
        }
        Path corpus = dir.resolve("corpus.ndjson");
        Files.write(corpus, lines);
        assertSame(corpus, Stores::persistentKeyValueStore);
    }

    private static void assertSame(Path file, Function<String, KeyValueBytesStoreSupplier> stores) {
        BacktestRun backtest = Backtest.run(List.of(file), Optional.empty());
        assertFalse(backtest.latest().isEmpty());

        FeedFileReader reader = new FeedFileReader(EventValidator.withDefaultLimits(Clock.systemUTC()),
                new StrictJson(AssessmentJson.mapper()));
        List<GeoEvent> events = new ArrayList<>(reader.read(file).events());
        Collections.shuffle(events, new Random(3)); // the stream sees another arrival order
        Map<String, String> streamed = stream(events, stores);

        Map<String, String> expected = new TreeMap<>();
        backtest.latest().forEach((pair, a) -> expected.put(pair, AssessmentJson.line(a)));
        assertEquals(expected, streamed);
    }

    private static Map<String, String> stream(List<GeoEvent> events,
                                              Function<String, KeyValueBytesStoreSupplier> stores) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "georisk-backtest-equality");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyHarness.stateDir("backtest-equality"));
        Map<String, String> last = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AssessmentTopology.build(AssessmentJson.mapper(), ScoringParameters.DEFAULTS, stores), props)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.EVENTS, new StringSerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(Topics.ASSESSMENTS,
                    new StringDeserializer(), new StringDeserializer());
            for (GeoEvent e : events) {
                in.pipeInput(e.pairKey(), bytes(e));
            }
            out.readRecordsToList().forEach(r -> last.put(r.key(), r.value()));
        }
        return last;
    }

    private static byte[] bytes(GeoEvent e) {
        try {
            return AssessmentJson.mapper().writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
