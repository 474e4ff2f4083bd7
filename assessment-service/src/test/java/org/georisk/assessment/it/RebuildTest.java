package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.Stores;
import org.georisk.assessment.service.InMemoryScoringStores;
import org.georisk.assessment.service.PairScorer;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.assessment.stream.AssessmentTopology;
import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A rebuild is the same topology with empty state reading georisk.events from the start (what bin/rebuild.sh does
 * to the running application with StreamsResetter). Here a second application id gives that empty state: its last
 * assessment of every pair must be byte-identical to what the live stream published.
 */
@QuarkusTest
class RebuildTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoringParameters params;

    @Test
    void aRebuildFromTheLogReproducesEveryAssessmentExactly() throws Exception {
        Instant t0 = Instant.parse("2025-01-10T00:00:00Z");
        try (EventFeed feed = new EventFeed(mapper)) {
            for (int i = 0; i < 12; i++) {
                // out of event-time order on purpose
                Instant at = t0.plus(Duration.ofHours(37L * ((i * 7) % 12)));
                feed.send("KAZ-RUS", AssessmentServiceTest.event("kaz-" + i, "KAZ", "RUS", at, (i % 3) * 3 - 4.5,
                        1 + i, Category.values()[i % Category.values().length], "kaz " + i));
            }
        }
        AssessmentServiceTest.latest("KAZ-RUS", 12);

        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSESSMENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, String> live = new HashMap<>();
            readUntil(consumer, end, live);
            assertFalse(live.isEmpty());

            try (KafkaStreams rebuild = new KafkaStreams(AssessmentTopology.build(mapper, params),
                    rebuildProperties())) {
                rebuild.start();
                Map<String, String> rebuilt = new HashMap<>();
                await("every pair rebuilt to its live version").atMost(Await.TIMEOUT).pollInSameThread().until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> rebuilt.put(r.key(), r.value()));
                    return sameVersions(live, rebuilt);
                });
                rebuild.close(Duration.ofSeconds(10));
                assertEquals(live, rebuilt, "every pair's last assessment, byte for byte");
            }
        }
    }

    /**
     * After a parameter change the documented rebuild recomputes every pair from the log under the new parameters:
     * here into a scratch topic (its own application id), compared with the same events scored offline under the
     * same parameters (the backtest's PairScorer). The live assessment under the old parameters differs.
     */
    @Test
    void aRebuildWithChangedParametersRecomputesEveryPairUnderThem() throws Exception {
        Instant t0 = Instant.parse("2025-02-01T00:00:00Z");
        List<GeoEvent> events = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            events.add(AssessmentServiceTest.event("kgz-" + i, "KGZ", "RUS", t0.plus(Duration.ofHours(29L * i)),
                    i % 4 == 0 ? 3 : -2 - (i % 7), 1 + i, Category.values()[i % 3], "kgz " + i));
        }
        try (EventFeed feed = new EventFeed(mapper)) {
            events.forEach(e -> feed.send("KGZ-RUS", e));
        }
        String live = AssessmentServiceTest.latest("KGZ-RUS", events.size()).asString();

        ScoringParameters changed = new ScoringParameters(params.acuteHalfLife(), params.structuralHalfLife(),
                params.cooperativeWeight(), params.mentionCap(), params.hostilityExponent(),
                new ScoringParameters.Prior(7, 0.15), params.domestic(), 0.25, params.saliencePrior(),
                params.salienceRankWeight(), params.levelBounds());
        PairScorer offline = new PairScorer(changed, new InMemoryScoringStores());
        PairAssessment expected = null;
        for (GeoEvent e : events) {
            expected = offline.apply("KGZ-RUS", e).orElseThrow().assessment();
        }

        String scratch = "georisk.assessments.rebuild-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokerResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(scratch, 1, (short) 1))).all().get();
        }
        Properties props = rebuildProperties();
        try (KafkaStreams rebuild = new KafkaStreams(AssessmentTopology.build(mapper, changed,
                Stores::persistentKeyValueStore, scratch), props);
             KafkaConsumer<String, String> consumer = consumer()) {
            rebuild.start();
            consumer.subscribe(List.of(scratch));
            AtomicReference<String> last = new AtomicReference<>();
            await("KGZ-RUS rebuilt from all its events").atMost(Await.TIMEOUT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals("KGZ-RUS")) {
                        last.set(r.value());
                    }
                });
                return last.get() != null && version(last.get()) >= events.size();
            });
            String rebuilt = last.get();
            rebuild.close(Duration.ofSeconds(10));
            assertEquals(mapper.writeValueAsString(expected), rebuilt, "rebuilt under the new parameters");
            assertNotEquals(live, rebuilt, "the parameters change the assessment");
        }
    }

    private static Properties rebuildProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "georisk-assessment-rebuild-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/rebuild-test/" + UUID.randomUUID());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        return props;
    }

    private boolean sameVersions(Map<String, String> live, Map<String, String> rebuilt) {
        for (Map.Entry<String, String> e : live.entrySet()) {
            String mine = rebuilt.get(e.getKey());
            if (mine == null || version(mine) < version(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private long version(String json) {
        try {
            return mapper.readTree(json).get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
                                  Map<String, String> last) {
        await(Topics.ASSESSMENTS + " read to its end").atMost(Await.TIMEOUT).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> last.put(r.key(), r.value()));
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }
}
