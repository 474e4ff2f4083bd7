package org.georisk.gateway.stream;

import org.georisk.contracts.Topics;

/** The two live streams: what they carry and the SSE event name. */
public enum StreamKind {
    ALERTS(Topics.ALERTS, "alert"),
    ASSESSMENTS(Topics.ASSESSMENTS, "assessment");

    private final String topic;
    private final String eventName;

    StreamKind(String topic, String eventName) {
        this.topic = topic;
        this.eventName = eventName;
    }

    public String topic() {
        return topic;
    }

    public String eventName() {
        return eventName;
    }

    /** "alerts" / "assessments", as the WebSocket subscribe message names them. */
    public String label() {
        return name().toLowerCase();
    }

    public static StreamKind ofTopic(String topic) {
        for (StreamKind kind : values()) {
            if (kind.topic.equals(topic)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no stream for topic " + topic);
    }
}
