package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * One geopolitical event as it travels on {@link Topics#EVENTS}, normalised by ingest-service.
 *
 * @param eventId    name-based UUID of source + externalId ({@link EventIds#eventId})
 * @param source     the feed that posted it
 * @param externalId the feed's own id (GDELT: GLOBALEVENTID)
 * @param occurredAt event time
 * @param actor1     ISO 3166-1 alpha-3 or a bloc code ({@link ActorCodes})
 * @param actor2     optional second actor; absent for a domestic event
 * @param cameoCode  CAMEO event code, 2–4 digits
 * @param quadClass  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 * @param goldstein  −10…+10, from the CAMEO table when the feed gave none
 * @param mentions   ≥ 1, weight of evidence
 * @param category   given by the feed, else derived ({@link Categories#defaultFor})
 * @param headline   optional text
 * @param url        optional source address
 * @param receivedAt when ingest accepted it (processing time; drives delay metrics, never the score)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeoEvent(
        UUID eventId,
        String source,
        String externalId,
        Instant occurredAt,
        String actor1,
        String actor2,
        String cameoCode,
        Integer quadClass,
        Double goldstein,
        Integer mentions,
        Category category,
        String headline,
        String url,
        Instant receivedAt) {

    /**
     * The event as the scoring reads it: mentions 1 when the feed gave none, the category derived from the CAMEO code
     * when absent. Every reader of the topic applies it ({@link org.georisk.contracts.events.GeoEventCheck#read}),
     * the backtest to every event it scores, so both score the same event.
     */
    public GeoEvent normalised() {
        if (mentions != null && category != null) {
            return this;
        }
        return new GeoEvent(eventId, source, externalId, occurredAt, actor1, actor2, cameoCode, quadClass, goldstein,
                mentions == null ? 1 : mentions,
                category != null ? category : Categories.defaultFor(cameoCode, actor1, actor2),
                headline, url, receivedAt);
    }

    /** The pair key this event is published under. */
    public String pairKey() {
        return PairKey.of(actor1, actor2);
    }
}
