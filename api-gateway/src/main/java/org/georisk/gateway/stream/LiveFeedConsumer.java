package org.georisk.gateway.stream;

import io.opentelemetry.context.Context;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * This instance's readers of georisk.alerts and georisk.assessments: channels {@code live-alerts} and
 * {@code live-assessments}. Every gateway instance must see every record (its clients may want any pair), so each
 * instance reads in consumer groups of its own ({@code group.id} with the instance's uuid) and commits nothing;
 * {@link LiveFeedReadBack} seeks the partitions back on assignment to fill the resume buffers. The connector traces
 * the alerts channel: its span, under the record's traceparent, is the parent of the push span.
 */
@ApplicationScoped
public class LiveFeedConsumer {

    @Inject
    LiveStreams streams;

    @Inject
    @Identifier(LiveFeedReadBack.NAME)
    LiveFeedReadBack readBack;

    @Incoming("live-alerts")
    public CompletionStage<Void> alert(Message<String> message) {
        Context trace = message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        streams.accept(record(message), trace);
        return message.ack();
    }

    @Incoming("live-assessments")
    public CompletionStage<Void> assessment(Message<String> message) {
        streams.accept(record(message), Context.current());
        return message.ack();
    }

    /** True once both channels have their partitions and the read-back has begun. */
    public boolean isAssigned() {
        return readBack.isAssigned();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> record(Message<String> message) {
        return (ConsumerRecord<String, String>) message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record")).getRecord();
    }
}
