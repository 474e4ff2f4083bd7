package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads georisk.alerts from the beginning with a plain KafkaConsumer (all partitions assigned, no group). */
public final class AlertTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper json;
    private final List<Alert> seen = new ArrayList<>();
    private final Map<UUID, Headers> headers = new HashMap<>();

    public AlertTopic(ObjectMapper json) {
        this.json = json;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until an alert matching {@code done} has arrived, then returns every alert so far that matches
     * {@code filter}, in topic order. Alerts of one pair share a partition, so once {@code done} (a later alert of the
     * same pair) is seen, every earlier alert of that pair is in too.
     */
    public List<Alert> until(Predicate<Alert> filter, Predicate<Alert> done, Duration timeout) {
        try {
            await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                pollOnce(); // waits up to 200 ms for records itself
                return seen.stream().anyMatch(done);
            });
        } catch (ConditionTimeoutException e) {
            fail("no alert marking the end arrived within " + timeout + "; seen: "
                    + seen.stream().filter(filter).toList());
        }
        return seen.stream().filter(filter).toList();
    }

    /** Polls for {@code wait}, then returns every alert so far that matches {@code filter}, in topic order. */
    public List<Alert> within(Predicate<Alert> filter, Duration wait) {
        await().during(wait).atMost(wait.plusSeconds(5)).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
            pollOnce();
            return true;
        });
        return seen.stream().filter(filter).toList();
    }

    /** The value of a header of the alert's record (the last one seen with that alertId); null when absent. */
    public String header(UUID alertId, String name) {
        Header header = headers.containsKey(alertId) ? headers.get(alertId).lastHeader(name) : null;
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void pollOnce() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Alert alert = read(record.value());
            assertEquals(alert.pair(), record.key(), "alerts are keyed by pair");
            seen.add(alert);
            headers.put(alert.alertId(), record.headers());
        }
    }

    private Alert read(String value) {
        try {
            return json.readValue(value, Alert.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable alert: " + value, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
