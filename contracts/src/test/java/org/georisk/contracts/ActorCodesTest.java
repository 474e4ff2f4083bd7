package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorCodesTest {

    @Test
    void countriesAndBlocsAreKnownRegionsAreNot() {
        assertTrue(ActorCodes.isCountry("AZE"));
        assertTrue(ActorCodes.isCountry("ARM"));
        assertTrue(ActorCodes.isBloc("EU"));
        assertTrue(ActorCodes.isKnown("CSTO"));
        assertFalse(ActorCodes.isKnown("EUR"));
        assertFalse(ActorCodes.isKnown("aze"));
    }

    @Test
    void namesCountries() {
        assertEquals("Azerbaijan", ActorCodes.all().get("AZE"));
    }
}
