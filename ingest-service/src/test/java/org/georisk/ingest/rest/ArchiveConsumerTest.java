package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.georisk.contracts.Topics;
import org.georisk.testkit.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record the archive cannot read goes to the DLQ, and the archive keeps archiving. */
@QuarkusTest
class ArchiveConsumerTest {

    @Test
    void anUnreadableRecordGoesToTheDlqAndTheArchiveGoesOn() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.EVENTS, "AZE-RUS", "{not json " + marker)).get();
        }
        String id = "after-poison-" + UUID.randomUUID();
        EventResourceTest.post(EventResourceTest.event(id, "1907-06-01T00:00:00Z", "AZE", "RUS", "036"))
                .then().statusCode(202);
        assertTrue(EventsTopic.eventually(
                () -> EventResourceTest.total("AZE-RUS", "1907-01-01T00:00:00Z", "1908-01-01T00:00:00Z") == 1));
        var parked = EventsTopic.records(Topics.EVENTS_DLQ, r -> r.value() != null && r.value().contains(marker), 1);
        assertEquals(1, parked.size());
        assertEquals("AZE-RUS", parked.get(0).key());
        assertEquals(Topics.EVENTS, new String(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_SOURCE_TOPIC).value()));
        assertTrue(parked.get(0).headers().lastHeader(Topics.DLQ_HEADER_REASON).value().length > 0);
    }
}
