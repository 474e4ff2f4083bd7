package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.georisk.gateway.service.LivePushService;
import org.georisk.gateway.stream.StreamKind;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code /api/v1/ws} (analyst role, checked at the upgrade by Quarkus Security: the same API-key identity as the REST paths).
 * The client sends {@code {"subscribe": "alerts"}} or {@code {"subscribe": "assessments"}} (optionally with
 * {@code "pair"} and {@code "lastEventId"}), gets {@code {"subscribed": ...}} back, then every record of that
 * stream as the same JSON the SSE stream carries in its data lines.
 */
@WebSocket(path = "/api/v1/ws", endpointId = LiveSocket.ENDPOINT_ID)
@RolesAllowed(ServiceIdentity.ANALYST)
public class LiveSocket {

    public static final String ENDPOINT_ID = "georisk-live";
    private static final Logger LOG = Logger.getLogger(LiveSocket.class);

    private final Map<String, List<Cancellable>> subscriptions = new ConcurrentHashMap<>();

    @Inject
    LivePushService push;

    @Inject
    ObjectMapper mapper;

    @OnTextMessage
    String onMessage(String message, WebSocketConnection connection) {
        StreamKind kind;
        String pair;
        String lastEventId;
        try {
            JsonNode request = mapper.readTree(message);
            String stream = request.path("subscribe").asText("");
            kind = switch (stream) {
                case "alerts" -> StreamKind.ALERTS;
                case "assessments" -> StreamKind.ASSESSMENTS;
                default -> null;
            };
            if (kind == null) {
                return error("send {\"subscribe\": \"alerts\"} or {\"subscribe\": \"assessments\"}");
            }
            pair = push.pairFilter(request.path("pair").asText(null));
            lastEventId = request.path("lastEventId").asText(null);
        } catch (WebApplicationException e) {
            return error("pair: expected two actor codes joined by '-', e.g. AZE-RUS");
        } catch (Exception e) {
            return error("not a JSON message");
        }
        Cancellable subscription = push.events(kind, pair, lastEventId, LivePushService.WEBSOCKET)
                .onItem().transformToUniAndConcatenate(event -> connection.sendText(event.json()))
                .subscribe().with(sent -> {
                }, failure -> {
                    LOG.infof("closing websocket %s: %s", connection.id(), failure.toString());
                    connection.close().subscribe().with(v -> {
                    }, e -> {
                    });
                });
        subscriptions.computeIfAbsent(connection.id(), id -> new CopyOnWriteArrayList<>()).add(subscription);
        ObjectNodeHolder reply = new ObjectNodeHolder(mapper);
        return reply.put("subscribed", kind.label()).put("pair", pair).toString();
    }

    @OnClose
    void onClose(WebSocketConnection connection) {
        List<Cancellable> open = subscriptions.remove(connection.id());
        if (open != null) {
            open.forEach(Cancellable::cancel);
        }
    }

    private String error(String reason) {
        return new ObjectNodeHolder(mapper).put("error", reason).toString();
    }

    /** A small JSON object builder that skips null values. */
    private static final class ObjectNodeHolder {
        private final com.fasterxml.jackson.databind.node.ObjectNode node;

        ObjectNodeHolder(ObjectMapper mapper) {
            this.node = mapper.createObjectNode();
        }

        ObjectNodeHolder put(String field, String value) {
            if (value != null) {
                node.put(field, value);
            }
            return this;
        }

        @Override
        public String toString() {
            return node.toString();
        }
    }
}
