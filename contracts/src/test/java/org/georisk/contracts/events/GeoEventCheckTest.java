package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.georisk.contracts.Categories;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one GeoEvent check: what the validator publishes, the readers accept; what breaks the contract, they refuse. */
class GeoEventCheckTest {

    private static final Instant NOW = Instant.parse("2025-04-13T12:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final GeoEventCheck check = new GeoEventCheck(mapper);

    private static GeoEvent event(String actor1, String cameo, Double goldstein, Instant occurredAt) {
        return new GeoEvent(EventIds.eventId("s", "x"), "s", "x", occurredAt, actor1, "RUS", cameo, 3, goldstein, null,
                null, "headline", null, NOW);
    }

    private GeoEventCheck.Outcome read(String key, GeoEvent event) throws Exception {
        return check.read(key, mapper.writeValueAsBytes(event));
    }

    @Test
    void everyEventTheValidatorBuildsIsAcceptedByTheReaders() throws Exception {
        ValidationResult v = EventValidator.withDefaultLimits(Clock.fixed(NOW, ZoneOffset.UTC)).validate(mapper.readTree("""
                {"source":"s","externalId":"x","occurredAt":"2025-04-07T10:00:00Z","actor1":"aze","actor2":"RUS",
                 "cameoCode":"046"}"""), null);
        assertTrue(v.ok(), v.errors().toString());
        GeoEventCheck.Outcome read = read("AZE-RUS", v.event());
        assertTrue(read.ok(), read.reason());
        assertEquals(v.event(), read.event());
    }

    @Test
    void aReadEventIsNormalisedAsTheScoreReadsIt() throws Exception {
        GeoEventCheck.Outcome read = read("AZE-RUS", event("AZE", "046", -2.0, NOW));
        assertEquals(1, read.event().mentions());
        assertEquals(Categories.defaultFor("046", "AZE", "RUS"), read.event().category());
    }

    @Test
    void aRecordThatBreaksTheContractIsRefusedWithItsReason() throws Exception {
        assertEquals("empty value", check.read("AZE-RUS", new byte[0]).reason());
        assertTrue(check.read("AZE-RUS", "{not json").reason().startsWith("not a GeoEvent JSON document"));
        assertEquals("actor1 is not a known actor code: XXX", read("RUS-XXX", event("XXX", "046", -2.0, NOW)).reason());
        assertEquals("cameoCode is not a known CAMEO event code: 999", read("AZE-RUS", event("AZE", "999", -2.0, NOW)).reason());
        assertEquals("goldstein must be from -10 to 10: 11.0", read("AZE-RUS", event("AZE", "046", 11.0, NOW)).reason());
        assertEquals("occurredAt must not be more than 1 day in the future",
                read("AZE-RUS", event("AZE", "046", -2.0, NOW.plusSeconds(2 * 86_400))).reason());
        assertEquals("record key ARM-RUS is not the event's pair AZE-RUS",
                read("ARM-RUS", event("AZE", "046", -2.0, NOW)).reason());
    }

    @Test
    void aTextWithControlCharactersOrALoneSurrogateIsRefused() {
        assertEquals("must not contain control characters", GeoEventCheck.textProblem("a\u0000b"));
        assertEquals("must be valid Unicode text", GeoEventCheck.textProblem("a\ud800b"));
        assertEquals(null, GeoEventCheck.textProblem("Bakı 🇦🇿"));
        GeoEvent nul = new GeoEvent(EventIds.eventId("s", "x"), "s", "x\u0000", NOW, "AZE", "RUS", "046", 3, -2.0, 1,
                null, null, null, NOW);
        assertFalse(GeoEventCheck.violations(nul).isEmpty());
    }
}
