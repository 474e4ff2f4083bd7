package org.georisk.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Alert;
import org.georisk.notification.repository.OutboxAlertEntity;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The alerts already published to georisk.alerts, newest first, read back from the outbox: the dashboard's pair
 * detail lists the alerts a pair raised before the page was opened.
 */
@ApplicationScoped
public class AlertLog {

    public static final int MAX_LIMIT = 200;

    private final ObjectMapper json;

    public AlertLog(ObjectMapper json) {
        this.json = json;
    }

    /** The latest {@code limit} alerts (at most {@link #MAX_LIMIT}), of one pair or, with pair null, of all pairs. */
    @Transactional
    public List<Alert> recent(String pair, int limit) {
        Page page = Page.ofSize(Math.max(1, Math.min(limit, MAX_LIMIT)));
        Sort newestFirst = Sort.descending("seq");
        var rows = pair == null
                ? OutboxAlertEntity.<OutboxAlertEntity>find("published = true", newestFirst)
                : OutboxAlertEntity.<OutboxAlertEntity>find("pair = ?1 and published = true", newestFirst, pair);
        return rows.page(page).list().stream().map(row -> read(row.payload)).toList();
    }

    private Alert read(String payload) {
        try {
            return json.readValue(payload, Alert.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
