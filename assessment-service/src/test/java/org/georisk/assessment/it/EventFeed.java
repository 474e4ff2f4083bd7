package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/** A plain KafkaProducer onto georisk.events, as ingest-service would write. */
final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    private final ObjectMapper mapper;

    EventFeed(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(String key, Object value) {
        try {
            sendRaw(key, value instanceof byte[] b ? b : mapper.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.EVENTS, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not produce to " + Topics.EVENTS, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
