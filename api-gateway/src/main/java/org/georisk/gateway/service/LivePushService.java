package org.georisk.gateway.service;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.PairKey;
import org.georisk.gateway.config.GatewayConfig;
import org.georisk.gateway.rest.Problems;
import org.georisk.gateway.stream.EventPosition;
import org.georisk.gateway.stream.LiveStreams;
import org.georisk.gateway.stream.PushMetrics;
import org.georisk.gateway.stream.StreamEvent;
import org.georisk.gateway.stream.StreamKind;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Live streams shaped for a transport: SSE events with ids and heartbeats, or plain JSON for the WebSocket. */
@ApplicationScoped
public class LivePushService {

    private static final Logger LOG = Logger.getLogger(LivePushService.class);
    public static final String SSE = "sse";
    public static final String WEBSOCKET = "websocket";

    @Inject
    LiveStreams streams;

    @Inject
    PushMetrics metrics;

    @Inject
    GatewayConfig config;

    /** A user-given pair key, normalised ("rus-aze" → "AZE-RUS"); null for none; 400 for one that is not a pair. */
    public String pairFilter(String pair) {
        if (pair == null || pair.isBlank()) {
            return null;
        }
        String normalised = PairKey.normalise(pair);
        if (normalised == null) {
            throw new WebApplicationException(Problems.invalid("not a pair key",
                    List.of(new FieldError("pair", "expected two actor codes joined by '-', e.g. AZE-RUS"))));
        }
        return normalised;
    }

    /** The records of a stream for one client; an unreadable Last-Event-ID is treated as none. */
    public Multi<StreamEvent> events(StreamKind kind, String pair, String lastEventId, String transport) {
        String filter = pairFilter(pair);
        EventPosition after = EventPosition.parse(lastEventId).orElse(null);
        return streams.hub(kind).subscribe(filter, after)
                .onSubscription().invoke(() -> metrics.connected(transport, kind))
                .onTermination().invoke(() -> metrics.disconnected(transport, kind))
                .onItem().invoke(() -> metrics.pushed(transport, kind));
    }

    public Multi<OutboundSseEvent> sse(StreamKind kind, String pair, String lastEventId, Sse sse) {
        AtomicBoolean ended = new AtomicBoolean();
        Multi<OutboundSseEvent> events = events(kind, pair, lastEventId, SSE)
                .map(event -> sse.newEventBuilder()
                        .id(event.id())
                        .name(kind.eventName())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, event.json())
                        .build())
                .onFailure().invoke(e -> LOG.infof("closing a slow %s client: %s", kind.label(), e.toString()))
                .onFailure().recoverWithCompletion()
                .onTermination().invoke(() -> ended.set(true));
        // heartbeats stop at the first tick after the events ended (client dropped as too slow)
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .onOverflow().drop()
                .select().first(tick -> !ended.get())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        // "connected" last: once a client reads it, it is registered with the hub and misses nothing
        return Multi.createBy().merging().streams(events, heartbeats, hello);
    }
}
