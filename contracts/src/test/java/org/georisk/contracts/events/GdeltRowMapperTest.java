package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class GdeltRowMapperTest {

    /** A 61-column row with the fields the mapper reads set, the rest empty as GDELT leaves them. */
    static String[] row(String id, String a1code, String a1country, String a2code, String a2country, String eventCode) {
        String[] c = new String[61];
        Arrays.fill(c, "");
        c[0] = id;
        c[1] = "20250407";
        c[5] = a1code;
        c[6] = a1code.isEmpty() ? "" : "ACTOR ONE";
        c[7] = a1country;
        c[15] = a2code;
        c[16] = a2code.isEmpty() ? "" : "ACTOR TWO";
        c[17] = a2country;
        c[26] = eventCode;
        c[30] = "4.0";
        c[31] = "6";
        c[59] = "20250407103000";
        c[60] = "https://example.org/a";
        return c;
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRowIsNoPartOfItsId() {
        String line = String.join("\t", row("1234", "RUS", "RUS", "AZEGOV", "AZE", "036"));
        assertEquals("1234", GdeltRowMapper.mapLine("\uFEFF" + line, "gdelt").body().get("externalId").asText());
        assertEquals(GdeltRowMapper.mapLine(line, "gdelt").body(), GdeltRowMapper.mapLine("\uFEFF" + line, "gdelt").body());
    }

    @Test
    void mapsTheColumnsOfARow() {
        ObjectNode body = GdeltRowMapper.map(row("1234", "RUS", "RUS", "AZEGOV", "AZE", "036"), "gdelt").body();
        assertEquals("1234", body.get("externalId").asText());
        assertEquals("RUS", body.get("actor1").asText());
        assertEquals("AZE", body.get("actor2").asText());
        assertEquals("036", body.get("cameoCode").asText());
        assertEquals(4.0, body.get("goldstein").asDouble());
        assertEquals(6, body.get("mentions").asInt());
        assertEquals("2025-04-07T10:30:00Z", body.get("occurredAt").asText());
        assertEquals("https://example.org/a", body.get("url").asText());
        assertEquals("gdelt", body.get("source").asText());
    }

    @Test
    void sqlDateWhenDateAddedIsMissing() {
        String[] r = row("1", "RUS", "RUS", "", "", "010");
        r[59] = "";
        assertEquals("2025-04-07T00:00:00Z", GdeltRowMapper.map(r, "gdelt").body().get("occurredAt").asText());
    }

    @Test
    void organisationsBecomeBlocsAndRegionsNoActor() {
        assertEquals("EU", GdeltRowMapper.actor("", "IGOEUREEC"));
        assertEquals("NATO", GdeltRowMapper.actor("", "IGOWSTNAT"));
        assertEquals("UN", GdeltRowMapper.actor("", "IGOUNO"));
        assertNull(GdeltRowMapper.actor("EUR", "EUR"));
        assertNull(GdeltRowMapper.actor("AFR", "AFRREB"));
        assertNull(GdeltRowMapper.actor("", "NGO"));
    }

    @Test
    void aRowWithoutCountryActorIsSkippedAndOneCountryLeads() {
        assertEquals(GdeltRowMapper.SKIP_NO_COUNTRY_ACTOR,
                GdeltRowMapper.map(row("2", "EUR", "EUR", "WST", "WST", "010"), "gdelt").skipReason());
        ObjectNode body = GdeltRowMapper.map(row("3", "AFR", "AFR", "ARM", "ARM", "141"), "gdelt").body();
        assertEquals("ARM", body.get("actor1").asText());
        assertFalse(body.has("actor2"));
    }

    @Test
    void wrongColumnCountIsAnError() {
        assertEquals("expected 61 tab-separated columns, found 3",
                GdeltRowMapper.map(new String[]{"a", "b", "c"}, "gdelt").error());
    }
}
