package org.georisk.contracts;

import java.util.List;

/**
 * One page of archived events (ingest-service {@code GET /events}), newest first by event time.
 *
 * @param page   zero-based page number
 * @param size   page size asked for
 * @param total  events matching the filter in all pages
 * @param events this page's events
 */
public record EventPage(int page, int size, long total, List<GeoEvent> events) {
}
