package org.georisk.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends due webhook deliveries; the POSTs of one batch run concurrently, so one slow receiver holds up no other. */
@ApplicationScoped
public class DeliveryWorker {

    private final DeliveryService deliveries;
    private final WebhookSender sender;

    public DeliveryWorker(DeliveryService deliveries, WebhookSender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
    }

    @Scheduled(every = "${georisk.notification.webhooks.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        List<DeliveryService.Due> due = deliveries.claimDue();
        if (due.isEmpty()) {
            return;
        }
        // all POSTs in flight at once; outcomes recorded here, on the scheduler's worker thread
        List<CompletableFuture<WebhookSender.Outcome>> attempts = due.stream()
                .map(d -> sender.send(d.url(), d.secret(), d.payload()))
                .toList();
        for (int i = 0; i < due.size(); i++) {
            DeliveryService.Due d = due.get(i);
            WebhookSender.Outcome outcome = attempts.get(i).join();
            if (!outcome.delivered()) {
                Log.infof("webhook delivery %s to %s failed: %s", d.id(), d.url(), outcome.error());
            }
            deliveries.record(d.id(), outcome);
        }
    }
}
