package org.georisk.assessment.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.georisk.assessment.service.AssessmentCalculator;
import org.georisk.assessment.service.DecayedSums;
import org.georisk.assessment.service.PairScorer;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.EventHeaders;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairAssessment;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs each event through the {@link PairScorer} (the same scoring the backtest runs) on the task's stores and emits
 * the pair's new assessment (with its {@link DecayedSums} as a header); a duplicate eventId is dropped. Events are keyed by pair and one eventId always has one
 * pair, so a duplicate always reaches the task that holds the first copy's id.
 */
final class PairAssessor implements Processor<String, GeoEvent, String, PairAssessment> {

    private static final Counter DUPLICATES = Counter.builder("georisk.assessment.events.duplicate")
            .description("events dropped because their eventId was already counted").register(Metrics.globalRegistry);
    private static final Counter APPLIED = Counter.builder("georisk.assessment.events.applied")
            .description("distinct events folded into a pair's assessment").register(Metrics.globalRegistry);
    private static final Counter COMPUTED = Counter.builder("georisk.assessments.computed")
            .description("assessments computed and forwarded to georisk.assessments").register(Metrics.globalRegistry);
    /**
     * Wall clock at the moment the assessment is computed minus the event's receivedAt (when ingest accepted it):
     * the pipeline's own delay, broker and stream included. Events without receivedAt are not measured. During a
     * rebuild this shows the age of the replayed events, not a delay.
     */
    private static final Timer DELAY = Timer.builder("georisk.assessment.delay")
            .description("event received by ingest -> its assessment computed (wall clock)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(Metrics.globalRegistry);
    private final ScoringParameters params;
    /**
     * Writes the sums header. Its doubles are read back by the history consumer, never shown, so they go through
     * Jackson's fast double writer (Double.toString would be the largest single cost of an event): the value read
     * back is the same double either way.
     */
    private final ObjectWriter sumsWriter;
    private PairScorer scorer;
    private ProcessorContext<String, PairAssessment> context;

    PairAssessor(ScoringParameters params, ObjectMapper mapper) {
        this.params = params;
        this.sumsWriter = mapper.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    @Override
    public void init(ProcessorContext<String, PairAssessment> context) {
        this.context = context;
        this.scorer = new PairScorer(params, new KafkaScoringStores(
                context.getStateStore(AssessmentTopology.EVENT_IDS_STORE),
                context.getStateStore(AssessmentTopology.PAIR_STATE_STORE),
                context.getStateStore(AssessmentTopology.STORIES_STORE)));
    }

    @Override
    public void process(Record<String, GeoEvent> record) {
        GeoEvent event = record.value();
        Optional<AssessmentCalculator.Result> scored = scorer.apply(record.key(), event);
        if (scored.isEmpty()) {
            DUPLICATES.increment();
            return;
        }
        APPLIED.increment();
        AssessmentCalculator.Result result = scored.get();
        // The assessment keeps the event's headers, as Kafka Streams carries them from input to output: its W3C trace
        // context (traceparent, tracestate, put there by ingest's channel) goes on downstream without copying.
        Record<String, PairAssessment> out = record.withValue(result.assessment());
        Headers headers = out.headers();
        headers.add(DecayedSums.HEADER, json(result.sums()));
        if (event.receivedAt() != null) {
            // for the gateway's event-received -> alert-pushed delay (notification copies it onto the alert)
            headers.add(EventHeaders.EVENT_RECEIVED_AT,
                    Long.toString(event.receivedAt().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        }
        context.forward(out);
        COMPUTED.increment();
        if (event.receivedAt() != null) {
            Duration delay = Duration.between(event.receivedAt(), Instant.now());
            if (!delay.isNegative()) {
                DELAY.record(delay);
            }
        }
    }

    private byte[] json(Object value) {
        try {
            return sumsWriter.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
