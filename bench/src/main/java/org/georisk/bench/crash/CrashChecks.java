package org.georisk.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks once the load is over and every group's lag is 0, each against the log: the acknowledged events on
 * georisk.events, in their pair's eventCount and in GET /events; the subscription's alerts on georisk.alerts against
 * what the webhook received.
 */
final class CrashChecks {

    private final LogAudit audit;
    private final GatewayApi api;
    private final PrintStream out;

    CrashChecks(LogAudit audit, GatewayApi api, PrintStream out) {
        this.audit = audit;
        this.api = api;
        this.out = out;
    }

    void events(List<String> acknowledged, CrashReport report) throws Exception {
        LogAudit.Events log = audit.events();
        report.acknowledged = new HashSet<>(acknowledged).size();
        report.publishedTwice = log.publishedTwice();
        Map<String, String> pairOf = new HashMap<>();
        log.byPair().forEach((pair, ids) -> ids.forEach(id -> pairOf.put(id, pair)));
        Set<String> loadPairs = new HashSet<>();
        for (String id : new HashSet<>(acknowledged)) {
            String pair = pairOf.get(id);
            if (pair == null) {
                report.lostFromLog.add(id);
            } else {
                loadPairs.add(pair);
            }
        }
        Map<String, JsonNode> assessments = api.assessments();
        log.byPair().forEach((pair, ids) -> {
            JsonNode a = assessments.get(pair);
            long count = a == null ? 0 : a.path("eventCount").asLong();
            if (count != ids.size()) {
                report.countMismatch.put(pair, count - ids.size());
            }
        });
        Set<String> acked = new HashSet<>(acknowledged);
        for (String pair : loadPairs) {
            Map<String, Integer> archived = api.archivedEvents(pair);
            report.archivedTwice += archived.values().stream().filter(n -> n > 1).count();
            log.byPair().get(pair).stream().filter(acked::contains).filter(id -> !archived.containsKey(id))
                    .forEach(report.lostFromArchive::add);
        }
        // printed at once: a run cut short later (the rebuild) still leaves these verdicts in its output
        out.printf("checked %d acknowledged events against %d events on the log and GET /events of %d pairs: "
                        + "lost %d, counted twice %d, published twice %d%n", report.acknowledged, log.records().size(),
                loadPairs.size(), report.lost(), report.countedTwice(), report.publishedTwice);
    }

    /**
     * Waits (at most 2 minutes) for every alert of the subscription on georisk.alerts to reach the webhook, then
     * compares: an alertId received twice is a double delivery, one never received is a loss.
     */
    void alerts(String subscriptionId, Map<TopicPartition, Long> alertsFrom, WebhookReceiver receiver,
                CrashReport report) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        LogAudit.Alerts alerts = audit.alerts(alertsFrom);
        Set<String> expected = subscriptionAlertIds(alerts, subscriptionId);
        while (!receiver.deliveries().keySet().containsAll(expected) && System.nanoTime() < deadline) {
            // webhooks arrive over seconds; polling the receiver once a second costs the system under test nothing
            Thread.sleep(1000);
            alerts = audit.alerts(alertsFrom);
            expected = subscriptionAlertIds(alerts, subscriptionId);
        }
        Map<String, Integer> delivered = receiver.deliveries();
        report.subscriptionAlerts = expected.size();
        expected.stream().filter(id -> !delivered.containsKey(id)).forEach(report.notDelivered::add);
        delivered.forEach((id, n) -> {
            if (n > 1) {
                report.deliveredTwice.add(id + " x" + n);
            }
        });
        out.printf("webhook: %d alerts of the subscription, delivered twice %d, not delivered %d%n", expected.size(),
                report.deliveredTwice.size(), report.notDelivered.size());
        report.alertsPerPair = alerts.perPair(null);
        report.subscriptionAlertsPerPair = alerts.perPair(subscriptionId);
        report.webhookPerPair = receiver.perPair();
    }

    private static Set<String> subscriptionAlertIds(LogAudit.Alerts alerts, String subscriptionId) {
        Set<String> ids = new HashSet<>();
        alerts.byId().forEach((id, a) -> {
            if (subscriptionId.equals(a.path("subscriptionId").asText())) {
                ids.add(id);
            }
        });
        return ids;
    }
}
