package org.georisk.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Properties;

/**
 * The producer behind the event archive's dead letters only (stream.EventArchiveConsumer parks unreadable records in
 * georisk.events.dlq with the original key and headers). The write path publishes through channel {@code events}
 * (service.EventPublisher); who owns the dead-letter topic is being settled in #14, and this goes with that.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    /** Micrometer's Kafka binder for this producer: the extension's binder only sees messaging-created clients. */
    private KafkaClientMetrics producerMetrics;

    @Produces
    @Singleton
    Producer<String, String> deadLetterProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                                                IngestConfig config, MeterRegistry registry) {
        Duration timeout = config.publishTimeout();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "georisk-ingest-dlq");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaProducer<String, String> producer = new KafkaProducer<>(props);
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        return producer;
    }

    void close(@Disposes Producer<String, String> producer) {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
