package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Category;
import org.georisk.contracts.Driver;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

/** Builds PairAssessments and produces them to georisk.assessments with a plain KafkaProducer, as the stream would. */
public final class Assessments implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    public Assessments(ObjectMapper json) {
        this.json = json;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** An assessment whose level follows from the score by the default bounds; DIPLOMATIC carries the score. */
    public static PairAssessment of(String pair, long version, Instant asOf, double score) {
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        categories.put(Category.DIPLOMATIC, score);
        return of(pair, version, asOf, score, categories);
    }

    public static PairAssessment of(String pair, long version, Instant asOf, double score,
                                    Map<Category, Double> categories) {
        Driver driver = new Driver(EventIds.nameBased(pair + "|" + version), "Event " + version + " between " + pair,
                asOf, score / 10);
        return new PairAssessment(pair, score, Level.of(score), score, score, 0.0, 0.0, score, categories, 0.0,
                List.of(driver), version, version, version, asOf);
    }

    public void send(PairAssessment assessment) {
        try {
            producer.send(record(assessment)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + assessment, e);
        }
    }

    /** The record the stream would write for the assessment, without headers. */
    public ProducerRecord<String, String> record(PairAssessment assessment) {
        try {
            return new ProducerRecord<>(Topics.ASSESSMENTS, assessment.pair(), json.writeValueAsString(assessment));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + assessment, e);
        }
    }

    /** Produces the assessment with a W3C traceparent header, as the stream forwards the event's one. */
    public void sendTraced(PairAssessment assessment, String traceparent, Instant eventReceivedAt) {
        try {
            producer.send(traced(assessment, traceparent, eventReceivedAt)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record the stream would write for the assessment: the event's traceparent and received time as headers. */
    public ProducerRecord<String, String> traced(PairAssessment assessment, String traceparent,
                                                 Instant eventReceivedAt) {
        try {
            ProducerRecord<String, String> record = record(assessment);
            record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            record.headers().add("georisk.event.received-at", Long.toString(eventReceivedAt.toEpochMilli())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Produces all records without waiting for each acknowledgement, then waits for all of them: they land on the
     * topic within moments, a backlog as a bulk or a rebuild leaves it.
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not produce the backlog", e);
            }
        }
    }

    /** Any text under a key, as a broken or foreign producer might write it. */
    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ASSESSMENTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + value, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
