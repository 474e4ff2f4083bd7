package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.georisk.assessment.service.HistoryRecorder;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.georisk.assessment.it.AnalystRequests.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /assessments lists each pair once, at its newest version, highest priority first, whatever the history behind
 * it: the pairs of actor MLT (no other test posts for it), one of them with the actor second in its key.
 */
@QuarkusTest
class RankedListTest {

    @Inject
    HistoryRecorder recorder;

    @Inject
    ObjectMapper mapper;

    private void record(String pair, long version, double score, double priority) throws Exception {
        PairAssessment a = new PairAssessment(pair, score, Level.of(score), score, score, 0.0, 0.0, priority,
                Map.of(Category.DIPLOMATIC, score), 0.0, List.of(), version, version, version,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400 * version));
        recorder.record(new ConsumerRecord<>(Topics.ASSESSMENTS, 0, version, pair, mapper.writeValueAsString(a)));
    }

    @Test
    void eachPairOnceAtItsNewestVersionInPriorityOrder() throws Exception {
        // CYP-MLT rose and then fell back: only version 3 counts
        record("CYP-MLT", 1, 10.0, 10.0);
        record("CYP-MLT", 2, 70.0, 70.0);
        record("CYP-MLT", 3, 20.0, 20.0);
        record("LBY-MLT", 1, 55.0, 60.0);
        record("MLT-TUN", 1, 5.0, 5.0);
        record("MLT-TUN", 2, 35.0, 35.0);

        Response all = given().queryParam("actor", "MLT").get("/assessments");
        assertEquals(200, all.statusCode(), all.asString());
        assertEquals(List.of("LBY-MLT", "MLT-TUN", "CYP-MLT"), all.jsonPath().getList("pair"));
        assertEquals(List.of(1, 2, 3), all.jsonPath().getList("version", Integer.class));
        assertEquals(List.of(55.0f, 35.0f, 20.0f), all.jsonPath().getList("score", Float.class));

        // the level filter applies to the newest version: CYP-MLT's old HIGH version 2 does not bring it back
        Response elevated = given().queryParam("actor", "MLT").queryParam("minLevel", "ELEVATED").get("/assessments");
        assertEquals(List.of("LBY-MLT"), elevated.jsonPath().getList("pair"), elevated.asString());
    }
}
