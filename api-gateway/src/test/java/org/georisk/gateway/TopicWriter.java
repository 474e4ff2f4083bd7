package org.georisk.gateway;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/**
 * One producer per test JVM for writing records the gateway reads (georisk.alerts, georisk.assessments) onto the
 * test broker, as notification-service and the stream would. Closed when the JVM ends.
 */
final class TopicWriter {

    private static KafkaProducer<String, String> producer;

    private TopicWriter() {
    }

    static synchronized KafkaProducer<String, String> producer(String bootstrap) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
            KafkaProducer<String, String> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "test-topic-writer-close"));
        }
        return producer;
    }
}
