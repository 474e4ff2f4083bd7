package org.georisk.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.georisk.contracts.EventHeaders;
import org.georisk.notification.config.NotificationConfig;
import org.georisk.notification.repository.OutboxAlertEntity;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes unpublished outbox rows to georisk.alerts, oldest first, and flags them published once the broker has
 * acknowledged them (acks=all, idempotent producer). A crash between the acknowledgement and the flag publishes the
 * row again after restart: at-least-once to Kafka, made harmless by the deterministic alertId.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> alerts;
    private final NotificationConfig config;
    private final AlertMetrics metrics;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(@Channel("alerts") MutinyEmitter<String> alerts, NotificationConfig config, AlertMetrics metrics) {
        this.alerts = alerts;
        this.config = config;
        this.metrics = metrics;
    }

    /** Safety net: rows left by a failed run (broker down, crash) go out on the next tick. */
    @Scheduled(every = "${georisk.notification.relay.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        publishPending();
    }

    /**
     * Asks for a run on a worker thread and returns at once: the consumer goes on with its next batch while this
     * one's alerts are sent and acknowledged, instead of waiting for the broker's acknowledgements batch by batch.
     */
    public void publishPendingSoon() {
        try {
            Infrastructure.getDefaultWorkerPool().execute(this::publishPending);
        } catch (RejectedExecutionException e) {
            // shutting down: the rows stay in the outbox, and the timer (or the next start) publishes them
            Log.debugf("relay run not started: %s", e.getMessage());
        }
    }

    /**
     * Publishes whatever is pending. Called after each batch of assessments that raised alerts; if a run is already
     * going, it is asked to go round once more instead of waiting, so the caller never blocks on another caller.
     */
    public void publishPending() {
        requested.set(true);
        while (requested.get() && running.tryLock()) {
            try {
                requested.set(false);
                drain();
            } catch (RuntimeException e) {
                Log.warnf(e, "publishing alerts failed; unpublished rows stay in the outbox for the next run");
                return;
            } finally {
                running.unlock();
            }
        }
    }

    private void drain() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            if (published > 0) {
                metrics.alertsPublished(published);
            }
        } while (published == config.relay().batchSize());
    }

    /** One batch: lock rows, send all, wait for every ack, flag them; a failure rolls the flags back. */
    private int publishBatch() {
        List<OutboxAlertEntity> rows = OutboxAlertEntity.lockUnpublished(config.relay().batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = rows.stream()
                .map(row -> alerts.sendMessage(Message.of(row.payload)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.pair)
                                .withHeaders(headers(row)).build())
                        // the connector's tracing continues the event's trace and writes the record's traceparent
                        .addMetadata(TracingMetadata.withCurrent(new EventOrigin(row.traceparent, null).trace()))))
                .toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        Instant now = Instant.now();
        for (OutboxAlertEntity row : rows) {
            row.published = true;
            row.publishedAt = now;
        }
        return rows.size();
    }

    /** When ingest received the originating event, for the gateway's received -> pushed delay. */
    private static RecordHeaders headers(OutboxAlertEntity row) {
        RecordHeaders headers = new RecordHeaders();
        if (row.eventReceivedAt != null) {
            headers.add(EventHeaders.EVENT_RECEIVED_AT,
                    Long.toString(row.eventReceivedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
