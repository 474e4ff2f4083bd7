package org.georisk.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.gateway.service.ApiKeyService;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The live feed reads georisk.assessments read_committed: an assessment from an aborted stream transaction reaches no
 * SSE client (docs/security.md). The aborted record comes first on the pair's partition, so a read_uncommitted reader
 * would push it before the committed one.
 */
@QuarkusTest
class AbortedAssessmentPushTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PAIR = "CYP-MLT";

    @Inject
    ApiKeyService keys;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/stream/assessments")
    URI assessments;

    @Test
    void anAbortedTransactionsAssessmentReachesNoSseClient() throws Exception {
        TestKeys.register(keys);
        try (SseTestClient client = SseTestClient.open(URI.create(assessments + "?pair=" + PAIR), TestKeys.ANALYST, null);
             KafkaProducer<String, String> stream = transactionalProducer()) {
            assertEquals(200, client.status);
            assertEquals("connected", client.comments.poll(10, TimeUnit.SECONDS));
            stream.initTransactions();
            stream.beginTransaction();
            stream.send(record(assessment(1, 80))).get();
            stream.abortTransaction();
            stream.beginTransaction();
            stream.send(record(assessment(2, 20)));
            stream.commitTransaction();

            SseTestClient.Event first = client.next(WAIT);
            assertNotNull(first, "the committed assessment is pushed");
            assertEquals(2, mapper.readTree(first.data()).get("version").asLong(),
                    "the first assessment pushed is the committed one: " + first.data());
        }
    }

    private static PairAssessment assessment(long version, double score) {
        return new PairAssessment(PAIR, score, Level.of(score), score, score, 0.0, 0.0, score,
                Map.of(Category.DIPLOMATIC, score), -1.0, List.of(), version, version, version, Instant.now());
    }

    private ProducerRecord<String, String> record(PairAssessment assessment) throws Exception {
        return new ProducerRecord<>(Topics.ASSESSMENTS, assessment.pair(), mapper.writeValueAsString(assessment));
    }

    /** As the stream's producer under exactly_once_v2: transactional, idempotent. */
    private KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborted-push-test-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
