package org.georisk.assessment.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.georisk.assessment.config.StreamFailureConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a stream thread's death means: Kafka Streams' own {@link StreamsUncaughtExceptionHandler} (the kafka-streams
 * extension installs this bean before it starts the stream). Kafka's default shuts the whole client down, which left
 * the service in ERROR for good after a broker was away a moment at the wrong time ("all brokers are currently
 * fenced" while the changelog topics were created). So a failed thread is replaced ({@code REPLACE_THREAD}): the new
 * one resumes from the last committed transaction (exactly_once_v2), nothing lost or counted twice. Waiting out a
 * broker is Kafka's job, not ours: a task retries timeouts for {@code task.timeout.ms} and the clients back off by
 * {@code retry.backoff.ms} / {@code reconnect.backoff.ms} before anything reaches this handler. What Kafka has no
 * setting for is a budget: more than {@code max-replacements} within {@code window} is a bug or a lasting fault, and
 * the stream shuts down (liveness DOWN, the orchestrator restarts the service).
 */
@ApplicationScoped
public class StreamFailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamFailurePolicy.class);
    private static final Counter REPLACED = Counter.builder("georisk.assessment.stream.threads.replaced")
            .description("stream threads replaced after a failure").register(Metrics.globalRegistry);

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    @Inject
    public StreamFailurePolicy(StreamFailureConfig config) {
        this(config.maxReplacements(), config.window(), Clock.systemUTC());
    }

    StreamFailurePolicy(int maxReplacements, Duration window, Clock clock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            LOG.errorf(exception, "stream thread failed again (%d replacements within %s already): shutting the stream"
                    + " down", recent.size(), window);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        REPLACED.increment();
        LOG.warnf(exception, "stream thread failed; replacing it (%d of %d within %s)", recent.size(), maxReplacements,
                window);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
