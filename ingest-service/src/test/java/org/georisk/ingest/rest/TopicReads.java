package org.georisk.ingest.rest;

/** {@link EventsTopic} for tests outside this package. */
public final class TopicReads {

    private TopicReads() {
    }

    /** How many records of the topic contain the text, read to the topic's end. */
    public static int count(String topic, String text) {
        return EventsTopic.records(topic, r -> r.value() != null && r.value().contains(text), 0).size();
    }
}
