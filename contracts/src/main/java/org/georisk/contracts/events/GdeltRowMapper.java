package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.georisk.contracts.ActorCodes;
import org.georisk.contracts.CameoCodes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One row of a GDELT 2.0 event export (61 tab-separated columns, no header) → the JSON shape of a posted event, so
 * it then passes the same {@link EventValidator} as every other feed. Shared by ingest-service's GDELT adapter and the
 * backtest, so a file read by either gives the same events.
 *
 * <p>Actors: GDELT's Actor*CountryCode are CAMEO country codes — mostly ISO alpha-3, but also regions (EUR, AFR,
 * WST, …), which name no country and are treated as absent. International organisations carry no country code and
 * hide in Actor*Code as {@code IGO} followed by three-letter CAMEO codes ({@code IGOEUREEC} = EU, {@code IGOWSTNAT} =
 * NATO, {@code IGOUNO} = UN); {@link #IGO_BLOCS} maps those we know to bloc codes. A row with one country actor
 * becomes a one-actor event (key {@code X-X}); a row with none is skipped, never failing the file.
 */
public final class GdeltRowMapper {

    public static final int COLUMNS = 61;
    /** The source of GDELT rows when no feed principal names one (a direct internal call, the backtest). */
    public static final String SOURCE = "gdelt";
    // column positions of the GDELT 2.0 event table (codebook order, 0-based)
    static final int GLOBALEVENTID = 0;
    static final int SQLDATE = 1;
    static final int ACTOR1_CODE = 5;
    static final int ACTOR1_NAME = 6;
    static final int ACTOR1_COUNTRY = 7;
    static final int ACTOR2_CODE = 15;
    static final int ACTOR2_NAME = 16;
    static final int ACTOR2_COUNTRY = 17;
    static final int EVENT_CODE = 26;
    static final int GOLDSTEIN = 30;
    static final int NUM_MENTIONS = 31;
    static final int DATEADDED = 59;
    static final int SOURCEURL = 60;

    public static final String SKIP_NO_COUNTRY_ACTOR = "no-country-actor";

    /** CAMEO organisation codes (the 3-letter parts after IGO) that name a known bloc. Extend with ActorCodes.BLOCS. */
    static final Map<String, String> IGO_BLOCS = Map.ofEntries(
            Map.entry("EEC", "EU"),
            Map.entry("NAT", "NATO"),
            Map.entry("UNO", "UN"),
            Map.entry("IMF", "IMF"),
            Map.entry("WTO", "WTO"),
            Map.entry("ARL", "ARL"),
            Map.entry("GCC", "GCC"),
            Map.entry("OAS", "OAS"),
            Map.entry("OIC", "OIC"),
            Map.entry("ASN", "ASEAN"),
            Map.entry("AFU", "AU"));

    private static final DateTimeFormatter DATEADDED_FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter SQLDATE_FORMAT = DateTimeFormatter.BASIC_ISO_DATE;

    /** A row turned into an event body, skipped (with a reason), or refused (with a reason). */
    public record Mapped(ObjectNode body, String skipReason, String error) {
    }

    private GdeltRowMapper() {
    }

    /**
     * One line of an export file: its tab-separated columns (empty columns kept) mapped by {@link #map}. A leading
     * byte-order mark (a file's first line, read by a caller other than {@link FeedLines}) is no part of GLOBALEVENTID.
     */
    public static Mapped mapLine(String line, String source) {
        return map(Utf8Text.stripBom(line).split("\t", -1), source);
    }

    public static Mapped map(String[] cols, String source) {
        if (cols.length != COLUMNS) {
            return new Mapped(null, null, "expected " + COLUMNS + " tab-separated columns, found " + cols.length);
        }
        String actor1 = actor(cols[ACTOR1_COUNTRY], cols[ACTOR1_CODE]);
        String actor2 = actor(cols[ACTOR2_COUNTRY], cols[ACTOR2_CODE]);
        String name1 = cols[ACTOR1_NAME].trim();
        String name2 = cols[ACTOR2_NAME].trim();
        if (actor1 == null) {
            if (actor2 == null) {
                return new Mapped(null, SKIP_NO_COUNTRY_ACTOR, null);
            }
            actor1 = actor2; // the only country actor leads; the event is that country's own
            name1 = name2;
            actor2 = null;
            name2 = "";
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("source", source);
        body.put("externalId", cols[GLOBALEVENTID].trim());
        String occurredAt = occurredAt(cols[DATEADDED].trim(), cols[SQLDATE].trim());
        if (occurredAt == null) {
            return new Mapped(null, null, "occurredAt: neither DATEADDED (YYYYMMDDHHMMSS) nor SQLDATE (YYYYMMDD) is a date");
        }
        body.put("occurredAt", occurredAt);
        body.put("actor1", actor1);
        if (actor2 != null) {
            body.put("actor2", actor2);
        }
        String eventCode = cols[EVENT_CODE].trim();
        body.put("cameoCode", eventCode);
        String goldstein = cols[GOLDSTEIN].trim();
        if (!goldstein.isEmpty()) {
            try {
                body.put("goldstein", Double.parseDouble(goldstein));
            } catch (NumberFormatException e) {
                body.put("goldstein", goldstein); // the validator names the field
            }
        }
        String mentions = cols[NUM_MENTIONS].trim();
        if (!mentions.isEmpty()) {
            try {
                body.put("mentions", Integer.parseInt(mentions));
            } catch (NumberFormatException e) {
                body.put("mentions", mentions);
            }
        }
        String url = cols[SOURCEURL].trim();
        if (!url.isEmpty()) {
            body.put("url", url);
        }
        body.put("headline", headline(name1, name2, eventCode));
        return new Mapped(body, null, null);
    }

    /** A country (ISO alpha-3) or a bloc; regions and unknown codes are no actor. */
    static String actor(String countryCode, String actorCode) {
        String country = countryCode.trim();
        if (ActorCodes.isCountry(country)) {
            return country;
        }
        String code = actorCode.trim();
        if (code.startsWith("IGO")) {
            String bloc = null;
            // the most specific (last) known organisation code wins: IGOUNOxxx is a UN body unless xxx is known
            for (int i = 3; i + 3 <= code.length(); i += 3) {
                String found = IGO_BLOCS.get(code.substring(i, i + 3));
                if (found != null) {
                    bloc = found;
                }
            }
            return bloc;
        }
        return null;
    }

    static String occurredAt(String dateAdded, String sqlDate) {
        try {
            if (dateAdded.length() == 14) {
                return LocalDateTime.parse(dateAdded, DATEADDED_FORMAT).toInstant(ZoneOffset.UTC).toString();
            }
        } catch (DateTimeParseException e) {
            // fall back to SQLDATE
        }
        try {
            return LocalDate.parse(sqlDate, SQLDATE_FORMAT).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String headline(String name1, String name2, String eventCode) {
        String action = CameoCodes.find(eventCode).map(CameoCodes.CameoCode::name).orElse("CAMEO " + eventCode);
        String who = name2.isEmpty() ? name1 : name1 + " / " + name2;
        String text = (who.isEmpty() ? "" : who + ": ") + action + " (GDELT)";
        return text.length() > 400 ? text.substring(0, 400) : text;
    }
}
