package org.georisk.assessment.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Topics;
import org.georisk.contracts.events.GeoEventCheck;

import java.nio.charset.StandardCharsets;

/**
 * First step of the topology: reads the raw bytes with the contract's {@link GeoEventCheck}, sends a good event on to
 * the assessor and a poison record, with its original key, bytes and headers plus the reason, to the DLQ sink. Both
 * go through the same transactional producer as everything else, so with exactly_once_v2 a poison record is in the
 * DLQ if and only if its offset was committed. That makes the topology the one writer of georisk.events.dlq: the
 * ingest archive skips the same records with a metric.
 */
final class EventRouter implements Processor<byte[], byte[], Object, Object> {

    private static final Counter POISON = Counter.builder("georisk.assessment.events.dlq")
            .description("records of georisk.events sent to the DLQ").register(Metrics.globalRegistry);

    private final GeoEventCheck check;
    private final String assessor;
    private final String dlq;
    private ProcessorContext<Object, Object> context;

    EventRouter(GeoEventCheck check, String assessor, String dlq) {
        this.check = check;
        this.assessor = assessor;
        this.dlq = dlq;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        GeoEventCheck.Outcome outcome = check.read(record.key(), record.value());
        if (outcome.ok()) {
            GeoEvent event = outcome.event();
            context.forward(new Record<Object, Object>(event.pairKey(), event, record.timestamp(), record.headers()),
                    assessor);
            return;
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(Topics.DLQ_HEADER_REASON, utf8(outcome.reason()));
        headers.add(Topics.DLQ_HEADER_EXCEPTION,
                utf8(outcome.error() == null ? "contract" : outcome.error().getClass().getName()));
        context.recordMetadata().ifPresent(m -> addSource(headers, m));
        POISON.increment();
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), dlq);
    }

    private static void addSource(Headers headers, RecordMetadata m) {
        headers.add(Topics.DLQ_HEADER_SOURCE_TOPIC, utf8(m.topic()));
        headers.add(Topics.DLQ_HEADER_SOURCE_PARTITION, utf8(Integer.toString(m.partition())));
        headers.add(Topics.DLQ_HEADER_SOURCE_OFFSET, utf8(Long.toString(m.offset())));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
