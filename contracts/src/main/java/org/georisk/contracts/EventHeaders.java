package org.georisk.contracts;

/**
 * Kafka record headers that follow an event down the pipeline (georisk.events → georisk.assessments →
 * georisk.alerts), set by the service that writes each topic from the record it read (docs/operations.md,
 * "Tracing" and "Metrics").
 */
public final class EventHeaders {

    /** W3C trace context of the event's trace (ingest's request span). */
    public static final String TRACEPARENT = "traceparent";
    /** W3C trace state, kept with {@link #TRACEPARENT} when present. */
    public static final String TRACESTATE = "tracestate";
    /**
     * When ingest accepted the event that produced this assessment/alert ({@code GeoEvent.receivedAt}), epoch
     * milliseconds as decimal text: the start of the event-received → alert-pushed delay measured at the gateway.
     */
    public static final String EVENT_RECEIVED_AT = "georisk.event.received-at";

    private EventHeaders() {
    }
}
