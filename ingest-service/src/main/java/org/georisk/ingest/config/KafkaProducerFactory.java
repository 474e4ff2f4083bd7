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
 * The producer of {@code georisk.events}. A plain Kafka producer rather than a Reactive Messaging emitter because
 * ingest needs two things an emitter hides: one bounded wait for a whole batch of futures (bulk answers after every
 * record is acknowledged, in one round trip of batches) and a hard bound on how long a send may block when the
 * broker is gone ({@code max.block.ms}), so a request answers 503 inside its timeout.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    /** Micrometer's Kafka binder for this producer: the extension's binder only sees messaging-created clients. */
    private KafkaClientMetrics producerMetrics;

    @Produces
    @Singleton
    Producer<String, String> eventsProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                                            IngestConfig config, MeterRegistry registry) {
        Duration timeout = config.publishTimeout();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "georisk-ingest");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchSize());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producer().compressionType());
        // A send never blocks longer than a request may wait in total.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        // The producer keeps retrying a record after the request gave up (503); that is harmless because the
        // eventId is name-based and every consumer drops repeats. Bounded so nothing retries forever.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout.toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(30_000, 2 * timeout.toMillis() + config.producer().lingerMs()));
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
