package org.georisk.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.Alert;
import org.georisk.contracts.AlertKind;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.notification.repository.OutboxAlertEntity;
import org.georisk.notification.service.AlertFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a restart finds: an alert whose evaluation committed but which never reached Kafka (the process died before
 * the relay ran) is still in the outbox, unpublished, and the relay's timer publishes it.
 */
@QuarkusTest
class OutboxRecoveryTest {

    @Inject
    ObjectMapper json;

    @Test
    void anAlertCommittedButNeverPublishedGoesOutAndIsFlagged() throws Exception {
        String pair = "ISL-MLT";
        PairAssessment assessment = Assessments.of(pair, 9, Instant.parse("2025-06-01T00:00:00Z"), 72);
        Alert alert = new Alert(AlertFactory.alertId(null, pair, 9, AlertKind.LEVEL_UP), pair, AlertKind.LEVEL_UP,
                "ISL-MLT rose from ELEVATED to HIGH (score 72.00).", Level.HIGH, Level.ELEVATED, 72, 9, null,
                Instant.now(), assessment);
        String payload = json.writeValueAsString(alert);
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxAlertEntity row = new OutboxAlertEntity();
            row.alertId = alert.alertId();
            row.pair = pair;
            row.kind = alert.kind().name();
            row.payload = payload;
            row.createdAt = Instant.now();
            row.persist();
        });

        try (AlertTopic out = new AlertTopic(json)) {
            List<Alert> published = out.until(a -> a.pair().equals(pair), a -> a.pair().equals(pair),
                    Duration.ofSeconds(30));
            assertEquals(List.of(alert.alertId()), published.stream().map(Alert::alertId).toList());
        }
        // the row is flagged published once Kafka acknowledged it
        org.awaitility.Awaitility.await("the outbox row flagged published").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() ->
                        OutboxAlertEntity.<OutboxAlertEntity>find("alertId", alert.alertId()).firstResult().published));
    }
}
