package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.georisk.contracts.CameoCodes;
import org.georisk.contracts.Categories;
import org.georisk.contracts.Category;
import org.georisk.contracts.EventIds;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairKey;
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

        // What the report concludes, at its date (every pair's asOf is on or before 2025-04-13): AZE-RUS is the most
        // strained cross-border pair, at least GUARDED, with DIPLOMATIC leading; ARM-RUS below it; AZE-TUR LOW
        assertTrue(azeRus.jsonPath().getString("asOf").startsWith("2025-04-13"), azeRus.asString());
        assertTrue(Level.valueOf(azeRus.jsonPath().getString("level")).atLeast(Level.GUARDED), azeRus.asString());
        Map<String, Float> categories = azeRus.jsonPath().getMap("categoryScores", String.class, Float.class);
        String top = categories.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("DIPLOMATIC", top);
        List<Map<String, Object>> all = given().get("/assessments").then().statusCode(200).extract().jsonPath()
                .getList("$");
        // other tests of this JVM share the service: only the sample's own pairs are compared
        Map<String, Object> mostStrained = all.stream()
                .filter(x -> counts.containsKey((String) x.get("pair")))
                .filter(x -> !PairKey.isDomestic((String) x.get("pair")))
                .max(Comparator.comparingDouble(x -> ((Number) x.get("score")).doubleValue())).orElseThrow();
        assertEquals("AZE-RUS", mostStrained.get("pair"), "most strained cross-border pair: " + all);
        assertTrue(armRus.jsonPath().getDouble("score") < azeRus.jsonPath().getDouble("score"), armRus.asString());
        // the western pivot shows as ALIGNMENT hostility between Armenia and Russia
        assertTrue(armRus.jsonPath().getDouble("categoryScores.ALIGNMENT") > 0, armRus.asString());
        assertEquals("LOW", azeTur.jsonPath().getString("level"));
        assertEquals(0.0, azeTur.jsonPath().getDouble("score"));
    }

    /** What ingest does to a feed line (docs/architecture.md, GeoEvent). */
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
}
