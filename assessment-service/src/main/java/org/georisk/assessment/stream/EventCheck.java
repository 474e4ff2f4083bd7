package org.georisk.assessment.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.PairKey;

import java.nio.charset.StandardCharsets;

/**
 * Reads one record of georisk.events and checks the GeoEvent contract the score depends on. Anything else is a
 * poison record: it gets a reason and goes to the DLQ instead of stopping the stream.
 */
final class EventCheck {

    /** Either a usable event (with its category filled in) or the reason why not. */
    record Outcome(GeoEvent event, String reason, Exception error) {
        boolean ok() {
            return event != null;
        }
    }

    private final ObjectMapper mapper;

    EventCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Outcome check(byte[] key, byte[] value) {
        if (value == null || value.length == 0) {
            return fail("empty value", null);
        }
        GeoEvent e;
        try {
            e = mapper.readValue(value, GeoEvent.class);
        } catch (Exception ex) {
            return fail("not a GeoEvent JSON document: " + firstLine(ex.getMessage()), ex);
        }
        if (e == null) {
            return fail("value is JSON null", null);
        }
        if (e.eventId() == null) {
            return fail("eventId missing", null);
        }
        if (e.occurredAt() == null) {
            return fail("occurredAt missing", null);
        }
        if (!ActorCodes.isKnown(e.actor1())) {
            return fail("actor1 unknown: " + e.actor1(), null);
        }
        if (e.actor2() != null && !ActorCodes.isKnown(e.actor2())) {
            return fail("actor2 unknown: " + e.actor2(), null);
        }
        if (e.goldstein() == null || !(e.goldstein() >= -10 && e.goldstein() <= 10)) {
            return fail("goldstein missing or outside −10…+10: " + e.goldstein(), null);
        }
        if (e.mentions() != null && e.mentions() < 1) {
            return fail("mentions below 1: " + e.mentions(), null);
        }
        if (e.category() == null && (e.cameoCode() == null || !e.cameoCode().matches("\\d{2,4}"))) {
            return fail("category missing and no CAMEO code to derive it from", null);
        }
        String pair = e.pairKey();
        String recordKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (!pair.equals(recordKey)) {
            return fail("record key " + recordKey + " is not the event's pair " + pair, null);
        }
        return new Outcome(e.normalised(), null, null); // the same normalisation as the backtest's
    }

    private static Outcome fail(String reason, Exception error) {
        return new Outcome(null, reason, error);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
