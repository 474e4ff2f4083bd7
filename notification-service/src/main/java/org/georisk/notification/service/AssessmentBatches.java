package org.georisk.notification.service;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.georisk.contracts.Alert;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates one poll batch through {@link AssessmentProcessor}, retried by Fault Tolerance. A failure there is the
 * database or a bug, not a record: the batch's transaction rolled back, so the whole batch runs again (0.2 s, 0.4 s,
 * … at most 30 s apart, without end) instead of being skipped, so no alert is dropped and the partitions' order is
 * kept. The offsets stay unacknowledged meanwhile; the connector keeps polling, no rebalance. A separate bean because
 * the retry must wrap the transaction, not run inside it.
 */
@ApplicationScoped
public class AssessmentBatches {

    private final AssessmentProcessor processor;

    public AssessmentBatches(AssessmentProcessor processor) {
        this.processor = processor;
    }

    @Retry(maxRetries = -1, delay = 200, jitter = 50, maxDuration = 0, delayUnit = ChronoUnit.MILLIS)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public List<List<Alert>> evaluate(List<ReceivedAssessment> batch, Supplier<String> description) {
        try {
            return processor.process(batch);
        } catch (RuntimeException e) {
            Log.errorf(e, "evaluating a batch of %d assessment(s) (%s) failed; it is retried", batch.size(),
                    description.get());
            throw e;
        }
    }
}
