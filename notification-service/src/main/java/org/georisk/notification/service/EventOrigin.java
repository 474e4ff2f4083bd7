package org.georisk.notification.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the assessment behind an alert came from, stored with the alert in the outbox: the event's trace as W3C
 * traceparent text (a database row is not a Kafka header, so the trace crosses the outbox as text) and when ingest
 * received the event. Either may be null.
 */
public record EventOrigin(String traceparent, Instant eventReceivedAt) {

    public static final EventOrigin UNKNOWN = new EventOrigin(null, null);

    private static final String TRACEPARENT = "traceparent";

    /** The origin of a record read under {@code trace}; no traceparent when the trace has no valid span. */
    public static EventOrigin of(Context trace, Instant eventReceivedAt) {
        if (!Span.fromContext(trace).getSpanContext().isValid()) {
            return new EventOrigin(null, eventReceivedAt);
        }
        Map<String, String> text = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(trace, text, Map::put);
        return new EventOrigin(text.get(TRACEPARENT), eventReceivedAt);
    }

    /** The stored trace as a context to continue it in (the root context when none was stored). */
    public Context trace() {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                new TextMapGetter<>() {
                    @Override
                    public Iterable<String> keys(Map<String, String> carrier) {
                        return Set.copyOf(carrier.keySet());
                    }

                    @Override
                    public String get(Map<String, String> carrier, String key) {
                        return carrier == null ? null : carrier.get(key);
                    }
                });
    }
}
