package org.georisk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.georisk.contracts.Topics;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ops views against the real broker. */
@QuarkusTest
class OpsTest {

    @Inject
    ApiKeyService keys;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void keys() {
        TestKeys.register(keys);
    }

    @Test
    void topicsListsTheFourTopicsWithTheirShape() {
        JsonPath topics = given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/topics").then()
                .statusCode(200).extract().jsonPath();
        for (Topics.TopicSpec spec : Topics.ALL) {
            Map<String, Object> topic = topics.getMap("find { it.name == '" + spec.name() + "' }");
            assertNotNull(topic, spec.name() + " missing");
            assertEquals(spec.partitions(), topic.get("partitions"), spec.name());
            assertEquals(spec.configs().get("cleanup.policy"), topic.get("cleanupPolicy"), spec.name());
            assertEquals(1, topic.get("replicationFactor"));
            assertTrue(((Number) topic.get("sizeBytes")).longValue() >= 0);
        }
        assertEquals(-1L, ((Number) topics.getMap("find { it.name == 'georisk.events' }").get("retentionMs")).longValue());
    }

    @Test
    void consumersShowLagWhileBehindAndZeroOnceCaughtUp() throws Exception {
        String group = "ops-test-" + System.nanoTime();
        TopicPartition partition = new TopicPartition(Topics.EVENTS_DLQ, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.EVENTS_DLQ, 0, "k", "poison-" + i)).get();
            }
        }
        long end;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            end = consumer.endOffsets(List.of(partition)).get(partition);
            // the group has read all but three records
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(end - 3)));
        }
        JsonPath groups = given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/consumers").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> found = groups.getMap("find { it.groupId == '" + group + "' }");
        assertNotNull(found, "group not listed: " + groups.prettify());
        assertNotNull(found.get("state"));
        List<Map<String, Object>> partitions = groups.getList("find { it.groupId == '" + group + "' }.partitions");
        assertEquals(1, partitions.size());
        Map<String, Object> lag = partitions.get(0);
        assertEquals(Topics.EVENTS_DLQ, lag.get("topic"));
        assertEquals(end - 3, ((Number) lag.get("committedOffset")).longValue());
        assertEquals(end, ((Number) lag.get("endOffset")).longValue());
        assertEquals(3L, ((Number) lag.get("lag")).longValue());
        assertEquals(3L, ((Number) found.get("totalLag")).longValue());

        // the paused consumer resumes, reads the three it was behind and commits: the endpoint shows it caught up
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.assign(List.of(partition));
            AtomicInteger read = new AtomicInteger();
            await("the three records the group was behind").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> read.addAndGet(consumer.poll(Duration.ofMillis(500)).count()) >= 3);
            assertEquals(3, read.get(), "the three records the group was behind");
            consumer.commitSync();
        }
        Map<String, Object> caughtUp = given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/consumers").then()
                .statusCode(200).extract().jsonPath().getMap("find { it.groupId == '" + group + "' }");
        assertEquals(0L, ((Number) caughtUp.get("totalLag")).longValue(), "lag after catching up: " + caughtUp);
    }

    /**
     * On a topic written in transactions every commit or abort leaves a marker that takes an offset: a group that has
     * read everything and committed after its last record (as Kafka Streams and SmallRye do) is one offset short of
     * the end, yet has nothing to read. Lag says 0 then, and N once N records are there to read.
     */
    @Test
    void aTransactionalTopicShowsNoLagWhenIdleAndNAfterNUnreadRecords() {
        String group = "ops-tx-" + System.nanoTime();
        TopicPartition partition = new TopicPartition(Topics.EVENTS, 5); // no test of this module writes georisk.events
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, group,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.initTransactions();
            long last = inTransaction(producer, partition, 3, true);
            commit(group, partition, last + 1);
            Map<String, Object> idle = partitionLag(group);
            assertEquals(last + 2, ((Number) idle.get("endOffset")).longValue(), "the commit marker takes an offset");
            assertEquals(0L, ((Number) idle.get("lag")).longValue(), "idle: " + idle);

            inTransaction(producer, partition, 4, true);
            inTransaction(producer, partition, 2, false); // aborted: never read, so never lag
            Map<String, Object> behind = partitionLag(group);
            assertEquals(4L, ((Number) behind.get("lag")).longValue(), "four unread records: " + behind);
        }
    }

    /** Sends n records in one transaction, committed or aborted; the offset of the last. */
    private static long inTransaction(KafkaProducer<String, String> producer, TopicPartition tp, int n, boolean commit) {
        producer.beginTransaction();
        long last = -1;
        try {
            for (int i = 0; i < n; i++) {
                last = producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), "k", "tx-" + i)).get().offset();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
        return last;
    }

    private void commit(String group, TopicPartition tp, long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
        }
    }

    private static Map<String, Object> partitionLag(String group) {
        List<Map<String, Object>> partitions = given().header("X-API-Key", TestKeys.OPS).get("/api/v1/ops/consumers")
                .then().statusCode(200).extract().jsonPath().getList("find { it.groupId == '" + group + "' }.partitions");
        assertEquals(1, partitions.size(), "partitions of " + group + ": " + partitions);
        return partitions.get(0);
    }
}
