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
 * What a stream thread's death means (the kafka-streams extension installs this bean before it starts the stream).
 * Kafka's default shuts the whole client down: a broker away for a moment at the wrong time (seen in a test: the
 * broker stopped while the stream created its changelog topics, "InvalidReplicationFactorException: all brokers are
 * currently fenced") left the service in ERROR for good. So a failed thread is replaced: the new one resumes from
 * the last committed transaction (exactly_once_v2), nothing is lost or counted twice. Which failures are transient
 * cannot be told reliably from the exception type (that one is not a RetriableException), so the replacements are
 * budgeted instead: more than {@code max-replacements} within {@code window} is a bug or a lasting fault, and the
 * stream shuts down: liveness reports DOWN, and the orchestrator restarts the service. Each replacement waits a
 * little longer than the last (0.5 s, 1 s, 2 s, … at most 30 s, on the dying thread), so a broker that comes and goes
 * does not use up the budget in a second.
 */
@ApplicationScoped
public class StreamFailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamFailurePolicy.class);
    private static final Counter REPLACED = Counter.builder("georisk.assessment.stream.threads.replaced")
            .description("stream threads replaced after a failure").register(Metrics.globalRegistry);

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Pause pause;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** Waits before a replacement (Thread.sleep; a test passes one that records instead). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    @Inject
    public StreamFailurePolicy(StreamFailureConfig config) {
        this(config.maxReplacements(), config.window(), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    StreamFailurePolicy(int maxReplacements, Duration window, Clock clock, Pause pause) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
        this.pause = pause;
    }

    /** 0.5 s before the first replacement in the window, doubling, at most 30 s. */
    static Duration backoff(int replacement) {
        return Duration.ofMillis(Math.min(30_000L, 500L << Math.min(replacement - 1, 16)));
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
        Duration wait = backoff(recent.size());
        LOG.warnf(exception, "stream thread failed; replacing it in %d ms (%d of %d within %s)", wait.toMillis(),
                recent.size(), maxReplacements, window);
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
