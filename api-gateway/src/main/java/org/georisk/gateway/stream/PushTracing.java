package org.georisk.gateway.stream;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.georisk.contracts.Alert;
import org.georisk.contracts.Topics;

import java.nio.charset.StandardCharsets;

/**
 * The span of this gateway pushing one alert record to its live clients: the last span of the event's trace
 * (feed request → ingest → stream → notification → alert record), a CONSUMER child of the connector's receive span,
 * which the connector started under the W3C context the record carries. Messaging attributes follow the OpenTelemetry semantic conventions (1.37); the gateway's own are
 * {@code georisk.*}.
 */
@ApplicationScoped
public class PushTracing {

    public static final String ALERT_PUSH = Topics.ALERTS + " push";

    @Inject
    Tracer tracer;

    /** Starts the span under {@code trace} (a new trace when the record carried none); the caller ends it. */
    public Span startAlertPush(ConsumerRecord<String, String> record, Context trace) {
        return tracer.spanBuilder(ALERT_PUSH)
                .setParent(trace)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /**
     * What the push was. {@code georisk.push.connected_clients} is how many clients this instance has on the alerts
     * stream, not how many wanted this pair (the hub does not count that); a repeat went to none of them.
     */
    public static void describe(Span span, Alert alert, String pair, boolean repeat, int connectedClients) {
        span.setAttribute("georisk.pair", pair);
        if (alert.kind() != null) {
            span.setAttribute("georisk.alert.kind", alert.kind().name());
        }
        if (alert.alertId() != null) {
            span.setAttribute("georisk.alert.id", alert.alertId().toString());
        }
        span.setAttribute("georisk.alert.repeat", repeat);
        span.setAttribute("georisk.push.connected_clients", connectedClients);
    }

    public static void failed(Span span, Exception e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
    }

    static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
