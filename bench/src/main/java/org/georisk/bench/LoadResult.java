package org.georisk.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link LoadGenerator} run did. {@code events}: new events it sent (first attempts); {@code acknowledged}
 * = accepted + duplicates (each with its eventId); {@code unacknowledged}: events that got no acknowledgement in
 * the end (gave up after the retries, refused with a 4xx other than 429, or still pending when the drain timed out);
 * {@code rejected}: bulk lines the gateway refused as invalid. Rates are per wall second from the first send to
 * the last answer.
 */
public record LoadResult(long events, long acknowledged, long accepted, long duplicates, long rejected,
                         long unacknowledged, long requests, long retries, long throttled, long serverErrors,
                         long connectionErrors, double sendSeconds, double elapsedSeconds, double requestP50Ms,
                         double requestP99Ms, double maxBehindMs) {

    public double acceptedPerSecond() {
        return elapsedSeconds > 0 ? accepted / elapsedSeconds : 0;
    }

    public double acknowledgedPerSecond() {
        return elapsedSeconds > 0 ? acknowledged / elapsedSeconds : 0;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("acknowledged", acknowledged);
        m.put("accepted", accepted);
        m.put("duplicates", duplicates);
        m.put("rejected", rejected);
        m.put("unacknowledged", unacknowledged);
        m.put("requests", requests);
        m.put("retries", retries);
        m.put("http429", throttled);
        m.put("http5xx", serverErrors);
        m.put("connectionErrors", connectionErrors);
        m.put("sendSeconds", round(sendSeconds));
        m.put("elapsedSeconds", round(elapsedSeconds));
        m.put("acceptedPerSecond", round(acceptedPerSecond()));
        m.put("requestP50Ms", requestP50Ms);
        m.put("requestP99Ms", requestP99Ms);
        m.put("maxBehindScheduleMs", round(maxBehindMs));
        return m;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d events sent, %d acknowledged (%d accepted, %d duplicates), %d rejected, "
                        + "%d unacknowledged; %d requests, %d retries (429: %d, 5xx: %d, connection: %d); "
                        + "%.1f s = %.0f accepted/s; request p50 %.0f ms p99 %.0f ms; at most %.0f ms behind schedule",
                events, acknowledged, accepted, duplicates, rejected, unacknowledged, requests, retries, throttled,
                serverErrors, connectionErrors, elapsedSeconds, acceptedPerSecond(), requestP50Ms, requestP99Ms,
                maxBehindMs);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
