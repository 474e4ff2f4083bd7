package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Level;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * georisk.assessments is written in Kafka Streams transactions; an assessment from an aborted transaction was never
 * computed as far as the system is concerned and must raise no alert (read_committed, docs/security.md).
 */
@QuarkusTest
class AbortedAssessmentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void anAbortedTransactionsAssessmentRaisesNoAlert() throws Exception {
        String pair = "CYP-MLT";
        try (Assessments records = new Assessments(json); AlertTopic out = new AlertTopic(json);
             KafkaProducer<String, String> stream = transactionalProducer()) {
            stream.initTransactions();
            // aborted: v1 at ELEVATED would be a LEVEL_UP from LOW if it were read
            stream.beginTransaction();
            stream.send(records.record(Assessments.of(pair, 1, T0, 60))).get();
            stream.abortTransaction();
            // committed: v2 LOW (a new pair at LOW raises nothing), then v3 GUARDED (LEVEL_UP from LOW)
            stream.beginTransaction();
            stream.send(records.record(Assessments.of(pair, 2, T0.plusSeconds(60), 10)));
            stream.send(records.record(Assessments.of(pair, 3, T0.plusSeconds(120), 30)));
            stream.commitTransaction();

            List<Alert> alerts = out.until(a -> a.pair().equals(pair),
                    a -> a.pair().equals(pair) && a.assessmentVersion() == 3, TIMEOUT);

            // read_uncommitted would have given LEVEL_UP v1, LEVEL_DOWN v2, LEVEL_UP v3
            assertEquals(1, alerts.size(), "alerts: " + alerts);
            assertEquals(AlertKind.LEVEL_UP, alerts.get(0).kind());
            assertEquals(Level.LOW, alerts.get(0).previousLevel());
            assertEquals(3, alerts.get(0).assessmentVersion());
        }
    }

    /** As the stream's producer under exactly_once_v2: transactional, idempotent. */
    private static KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborted-assessment-test-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
