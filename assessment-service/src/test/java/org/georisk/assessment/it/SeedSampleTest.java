package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.georisk.assessment.service.ScoringParameters;
import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.Categories;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Level;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.georisk.assessment.it.AnalystRequests.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample feed (samples/seed-events.ndjson) through the real broker, normalised the way ingest-service does
 * (eventId from source + externalId, Goldstein from the CAMEO table, default category). docs/scoring.md compares the
 * outcome with what the report concludes, including where the model does not show it.
 */
@QuarkusTest
class SeedSampleTest {

    private static final Logger LOG = Logger.getLogger(SeedSampleTest.class);
    private static final Path SAMPLE = Path.of("../samples/seed-events.ndjson");

    @Inject
    ObjectMapper mapper;

    @Inject
    ScoringParameters params;

    @Test
    void theSeedFeedGivesTheModelsAssessments() throws Exception {
        assumeTrue(Files.exists(SAMPLE), "no sample feed at " + SAMPLE.toAbsolutePath());
        List<GeoEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE)) {
            if (!line.isBlank()) {
                events.add(normalise(mapper.readTree(line)));
            }
        }
        Map<String, Long> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e.pairKey(), 1L, Long::sum));
        try (EventFeed feed = new EventFeed(mapper)) {
            events.forEach(e -> feed.send(e.pairKey(), e));
        }
        Response azeRus = AssessmentServiceTest.latest("AZE-RUS", counts.get("AZE-RUS"));
        Response armRus = AssessmentServiceTest.latest("ARM-RUS", counts.get("ARM-RUS"));
        Response azeTur = AssessmentServiceTest.latest("AZE-TUR", counts.get("AZE-TUR"));
        for (Response r : List.of(azeRus, armRus, azeTur)) {
            LOG.infof("seed sample assessment: %s", r.asString());
        }

        // AZE-RUS: the score is what a plain re-computation of the DESIGN formula gives, and DIPLOMATIC leads.
        // The report expects ELEVATED or above; with the documented defaults the feed does not carry enough net
        // tension for that (docs/scoring.md, "What the sample shows"), so the level asserted is the model's own.
        double expected = naiveScore(events, "AZE-RUS");
        assertEquals(expected, azeRus.jsonPath().getDouble("score"), 0.011);
        assertEquals(Level.of(expected, params.levelBounds()).name(), azeRus.jsonPath().getString("level"));
        Map<String, Float> categories = azeRus.jsonPath().getMap("categoryScores", String.class, Float.class);
        String top = categories.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("DIPLOMATIC", top);

        // The strain the report describes shows at its source: after the February 2025 closure of the Russian House
        // and the refused registration (asOf 2025-02-15) AZE-RUS stood at ELEVATED, DIPLOMATIC leading, before the
        // April negotiations and the decay brought it down. The history keeps that peak.
        List<Map<String, Object>> history = given().get("/assessments/AZE-RUS/history").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> peak = history.stream()
                .max(Comparator.comparingDouble(h -> ((Number) h.get("score")).doubleValue())).orElseThrow();
        assertTrue(Level.valueOf((String) peak.get("level")).atLeast(Level.ELEVATED), "AZE-RUS peak: " + peak);
        assertTrue(((String) peak.get("asOf")).startsWith("2025-02-15"), "AZE-RUS peak: " + peak);
        @SuppressWarnings("unchecked")
        Map<String, Number> peakCategories = (Map<String, Number>) peak.get("categoryScores");
        assertEquals("DIPLOMATIC", peakCategories.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().doubleValue())).orElseThrow().getKey());

        // ARM-RUS: the western pivot shows as ALIGNMENT tension
        assertTrue(armRus.jsonPath().getDouble("categoryScores.ALIGNMENT") > 0);
        assertEquals(naiveScore(events, "ARM-RUS"), armRus.jsonPath().getDouble("score"), 0.011);
        // AZE-TUR: only cooperation → LOW
        assertEquals("LOW", azeTur.jsonPath().getString("level"));
        assertEquals(0.0, azeTur.jsonPath().getDouble("score"));
    }

    /** What ingest does to a feed line (DESIGN.md, GeoEvent). */
    private static GeoEvent normalise(JsonNode n) {
        String source = n.get("source").asText();
        String externalId = n.get("externalId").asText();
        String actor1 = n.get("actor1").asText();
        String actor2 = n.hasNonNull("actor2") ? n.get("actor2").asText() : null;
        String cameo = n.get("cameoCode").asText();
        CameoCodes.CameoCode code = CameoCodes.find(cameo).orElseThrow();
        Category category = n.hasNonNull("category") ? Category.valueOf(n.get("category").asText())
                : Categories.defaultFor(cameo, actor1, actor2);
        return new GeoEvent(EventIds.eventId(source, externalId), source, externalId,
                Instant.parse(n.get("occurredAt").asText()), actor1, actor2, cameo, code.quadClass(),
                code.goldstein(), n.hasNonNull("mentions") ? n.get("mentions").asInt() : 1, category,
                n.hasNonNull("headline") ? n.get("headline").asText() : null, null, Instant.now());
    }

    /** The DESIGN.md score recomputed naively in doubles at the pair's latest event time. */
    private double naiveScore(List<GeoEvent> events, String pair) {
        List<GeoEvent> mine = events.stream().filter(e -> e.pairKey().equals(pair)).toList();
        Instant asOf = mine.stream().map(GeoEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        double tension = 0;
        double cooperation = 0;
        for (GeoEvent e : mine) {
            double w = -e.goldstein() * (1 + Math.log(e.mentions()));
            double decay = Math.pow(2, -(double) (asOf.toEpochMilli() - e.occurredAt().toEpochMilli())
                    / params.halfLifeMillis());
            if (w > 0) {
                tension += w * decay;
            } else {
                cooperation -= w * decay;
            }
        }
        return 100 * (1 - Math.exp(-Math.max(0, tension - params.lambda() * cooperation) / params.k()));
    }
}
