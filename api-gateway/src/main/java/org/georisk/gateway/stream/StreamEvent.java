package org.georisk.gateway.stream;

/**
 * One record ready to push.
 *
 * @param dedupKey what makes a repeat a repeat: the alertId of an alert, pair and version of an assessment
 * @param json     the record's value exactly as the producing service wrote it
 */
public record StreamEvent(EventPosition position, String pair, String dedupKey, String json) {

    public String id() {
        return position.id();
    }
}
