package org.georisk.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every GeoEvent rule of docs/contracts.md, one at a time, against a fixed clock. */
class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2025-04-13T12:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), 100, 200, 500, 2048);

    private ObjectNode good() {
        ObjectNode n = mapper.createObjectNode();
        n.put("source", "seed-report");
        n.put("externalId", "e-1");
        n.put("occurredAt", "2025-04-07T10:00:00Z");
        n.put("actor1", "RUS");
        n.put("actor2", "AZE");
        n.put("cameoCode", "046");
        return n;
    }

    private List<FieldError> errors(ObjectNode n) {
        ValidationResult v = validator.validate(n, null);
        assertFalse(v.ok(), "expected a refusal of " + n);
        return v.errors();
    }

    private static void assertField(List<FieldError> errors, String field) {
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field)), "no error on " + field + ": " + errors);
    }

    @Test
    void normalisesAGoodEventWithDefaults() {
        GeoEvent e = validator.validate(good(), null).event();
        assertEquals(EventIds.eventId("seed-report", "e-1"), e.eventId());
        assertEquals("AZE-RUS", e.pairKey());
        assertEquals(7.0, e.goldstein()); // 046 Engage in negotiation
        assertEquals(1, e.mentions());
        assertEquals(1, e.quadClass());
        assertEquals(Category.DIPLOMATIC, e.category());
        assertEquals(NOW, e.receivedAt());
    }

    @Test
    void requiredFieldsAreNamedEachOne() {
        List<FieldError> errors = errors(mapper.createObjectNode());
        for (String f : List.of("source", "externalId", "occurredAt", "actor1", "cameoCode")) {
            assertField(errors, f);
        }
        assertEquals(5, errors.size());
    }

    @Test
    void bodyMustBeAnObject() {
        assertField(validator.validate(mapper.createArrayNode(), null).errors(), "body");
    }

    @Test
    void principalIsTheSource() {
        ObjectNode n = good();
        n.remove("source");
        assertEquals("analyst-desk", validator.validate(n, "analyst-desk").event().source());
        assertEquals(EventIds.eventId("analyst-desk", "e-1"), validator.validate(n, "analyst-desk").event().eventId());
        n.put("source", "analyst-desk");
        assertTrue(validator.validate(n, "analyst-desk").ok());
        n.put("source", "other-feed");
        assertField(validator.validate(n, "analyst-desk").errors(), "source");
    }

    @Test
    void externalIdMayBeANumberButNotBlankOrTooLong() {
        ObjectNode n = good();
        n.put("externalId", 1234567890123L);
        assertEquals("1234567890123", validator.validate(n, null).event().externalId());
        n.put("externalId", " ");
        assertField(errors(n), "externalId");
        n.put("externalId", "x".repeat(201));
        assertField(errors(n), "externalId");
    }

    @Test
    void aNumericExternalIdIsHeldToTheSameBoundAsAString() {
        ObjectNode n = good();
        n.put("externalId", new java.math.BigInteger("9".repeat(200)));
        assertEquals("9".repeat(200), validator.validate(n, null).event().externalId());
        n.put("externalId", new java.math.BigInteger("9".repeat(250)));
        assertEquals(List.of(new org.georisk.contracts.FieldError("externalId", "must be at most 200 characters (was 250)")),
                errors(n));
    }

    @Test
    void occurredAtMustBeAnInstantNotMoreThanADayAhead() {
        ObjectNode n = good();
        n.put("occurredAt", "07.04.2025");
        assertField(errors(n), "occurredAt");
        n.put("occurredAt", NOW.plusSeconds(86_400 + 1).toString());
        assertField(errors(n), "occurredAt");
        n.put("occurredAt", NOW.plusSeconds(86_400 - 60).toString());
        assertTrue(validator.validate(n, null).ok());
        n.put("occurredAt", "2025-04-07T12:00:00+04:00");
        assertEquals(Instant.parse("2025-04-07T08:00:00Z"), validator.validate(n, null).event().occurredAt());
        n.put("occurredAt", 1744000000);
        assertField(errors(n), "occurredAt");
    }

    @Test
    void actorsAreCountriesOrBlocs() {
        ObjectNode n = good();
        n.put("actor2", "EU");
        assertEquals("EU-RUS", validator.validate(n, null).event().pairKey());
        n.put("actor1", "XXX");
        assertField(errors(n), "actor1");
        n.put("actor1", "RUS");
        n.put("actor2", "EUR"); // a GDELT region, not an actor
        assertField(errors(n), "actor2");
        n.put("actor2", "arm");
        assertEquals("ARM", validator.validate(n, null).event().actor2());
        n.remove("actor2");
        GeoEvent domestic = validator.validate(n, null).event();
        assertEquals("RUS-RUS", domestic.pairKey());
        assertEquals(Category.DOMESTIC, domestic.category());
    }

    @Test
    void cameoCodeMustBeAKnownCodeGivenAsText() {
        ObjectNode n = good();
        n.put("cameoCode", "999");
        assertField(errors(n), "cameoCode");
        n.put("cameoCode", "04a");
        assertField(errors(n), "cameoCode");
        n.put("cameoCode", 46);
        assertField(errors(n), "cameoCode");
        n.put("cameoCode", "1823");
        GeoEvent e = validator.validate(n, null).event();
        assertEquals(4, e.quadClass());
        assertEquals(-10.0, e.goldstein());
        assertEquals(Category.SECURITY, e.category());
    }

    @Test
    void goldsteinIsBoundedAndOverridesTheTable() {
        ObjectNode n = good();
        n.put("goldstein", 10.5);
        assertField(errors(n), "goldstein");
        n.put("goldstein", "3");
        assertField(errors(n), "goldstein");
        n.put("goldstein", -2.5);
        assertEquals(-2.5, validator.validate(n, null).event().goldstein());
    }

    @Test
    void mentionsAtLeastOne() {
        ObjectNode n = good();
        n.put("mentions", 0);
        assertField(errors(n), "mentions");
        n.put("mentions", 2.5);
        assertField(errors(n), "mentions");
        n.put("mentions", 12);
        assertEquals(12, validator.validate(n, null).event().mentions());
    }

    @Test
    void categoryFromTheFeedOrDerived() {
        ObjectNode n = good();
        n.put("category", "cultural");
        assertEquals(Category.CULTURAL, validator.validate(n, null).event().category());
        n.put("category", "FRIENDLY");
        assertField(errors(n), "category");
        n.remove("category");
        n.put("cameoCode", "062"); // military cooperation is SECURITY, though root 06 is ECONOMIC
        assertEquals(Category.SECURITY, validator.validate(n, null).event().category());
        n.put("cameoCode", "061");
        assertEquals(Category.ECONOMIC, validator.validate(n, null).event().category());
    }

    @Test
    void textFieldsAreBoundedAndClean() {
        ObjectNode n = good();
        n.put("headline", "h".repeat(501));
        assertField(errors(n), "headline");
        n.put("headline", "bell\u0007");
        assertField(errors(n), "headline");
        n.put("headline", "Talks on the Russian House");
        n.put("url", "javascript:alert(1)");
        assertField(errors(n), "url");
        n.put("url", "https://example.org/" + "a".repeat(2048));
        assertField(errors(n), "url");
        n.put("url", "https://example.org/news/1");
        assertEquals("https://example.org/news/1", validator.validate(n, null).event().url());
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode n = good();
        n.put("colour", "blue");
        n.putObject("nested").put("x", 1);
        assertTrue(validator.validate(n, null).ok());
        assertNull(validator.validate(n, null).event().headline());
    }
}
