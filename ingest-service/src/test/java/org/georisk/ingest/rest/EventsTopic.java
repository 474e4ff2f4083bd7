package org.georisk.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.georisk.contracts.GeoEvent;
import org.georisk.testkit.KafkaBrokerResource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a topic from the beginning with a plain KafkaConsumer (no group), as an outside observer would. */
final class EventsTopic {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventsTopic() {
    }

    /** Every record on the topic matching the filter, waiting up to 20 s for at least {@code expected} of them. */
    static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                        int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            try {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                        .pollInterval(Duration.ofMillis(1)).until(() -> {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                                if (filter.test(r)) {
                                    found.add(r);
                                }
                            }
                            return found.size() >= expected
                                    && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the caller asserts on what was found
            }
            return found;
        }
    }

    static List<GeoEvent> events(Predicate<GeoEvent> filter, int expected) {
        return records(org.georisk.contracts.Topics.EVENTS, r -> filter.test(parse(r.value())), expected).stream()
                .map(r -> parse(r.value())).toList();
    }

    static GeoEvent parse(String json) {
        try {
            return MAPPER.readValue(json, GeoEvent.class);
        } catch (IOException e) {
            return new GeoEvent(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Polls until the condition holds or 20 s pass; returns whether it held. */
    static boolean eventually(java.util.function.BooleanSupplier condition) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return condition.getAsBoolean();
        }
    }
}
