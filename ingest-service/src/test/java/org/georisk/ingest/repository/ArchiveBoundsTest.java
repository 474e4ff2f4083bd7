package org.georisk.ingest.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.ActorCodes;
import org.georisk.ingest.config.IngestConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bounded column of the archive holds what validation accepts (with the configured limits), so an accepted
 * event can never be unstorable. A column without a bound (TEXT) holds anything.
 */
@QuarkusTest
class ArchiveBoundsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestConfig config;

    @Test
    void theArchiveColumnsHoldEveryValueValidationAccepts() throws Exception {
        Map<String, Integer> bounds = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name, character_maximum_length FROM information_schema.columns "
                     + "WHERE table_name = 'event_archive'")) {
            while (rs.next()) {
                String column = rs.getString(1);
                int max = rs.getInt(2);
                bounds.put(column, rs.wasNull() ? Integer.MAX_VALUE : max); // null: TEXT, no bound
            }
        }
        int longestCode = ActorCodes.all().keySet().stream().mapToInt(String::length).max().orElseThrow();
        assertFits(bounds, "pair", 2 * longestCode + 1);
        assertFits(bounds, "source", config.limits().source());
        assertFits(bounds, "external_id", config.limits().externalId());
    }

    private static void assertFits(Map<String, Integer> bounds, String column, int longest) {
        assertTrue(bounds.containsKey(column), "no column " + column + " in " + bounds);
        assertTrue(bounds.get(column) >= longest, column + " holds " + bounds.get(column) + " characters, validation accepts "
                + longest);
    }
}
