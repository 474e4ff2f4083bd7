package org.georisk.notification.service;

import java.time.Instant;

/**
 * Where the assessment behind an alert came from, read from the assessment record's headers and copied onto the
 * alert record: the event's W3C traceparent and when ingest received the event. Either may be null.
 */
public record EventOrigin(String traceparent, Instant eventReceivedAt) {

    public static final EventOrigin UNKNOWN = new EventOrigin(null, null);
}
