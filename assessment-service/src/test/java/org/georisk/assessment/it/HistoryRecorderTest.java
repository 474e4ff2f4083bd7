package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.georisk.assessment.repository.AssessmentRepository;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The history consumer keeps one row per (pair, version), whatever is delivered twice or recomputed. */
@QuarkusTest
class HistoryRecorderTest {

    @Inject
    HistoryRecorder recorder;

    @Inject
    AssessmentRepository repository;

    @Inject
    ObjectMapper mapper;

    private ConsumerRecord<String, String> record(PairAssessment a) throws Exception {
        return new ConsumerRecord<>(Topics.ASSESSMENTS, 0, 0, a.pair(), mapper.writeValueAsString(a));
    }

    private static PairAssessment assessment(long version, double score) {
        return new PairAssessment("MDA-ROU", score, Level.of(score), score, score, 0.0, 0.0, score,
                Map.of(Category.DIPLOMATIC, score), 0.0, List.of(), version, version, version, Instant.parse("2025-01-0" + version + "T00:00:00Z"));
    }

    @Test
    void aRedeliveryOrARecomputationIsTheSameRow() throws Exception {
        recorder.record(record(assessment(1, 10.0)));
        recorder.record(record(assessment(2, 30.0)));
        recorder.record(record(assessment(2, 30.0))); // redelivered
        assertEquals(2, repository.countRows("MDA-ROU"));

        recorder.record(record(assessment(2, 55.5))); // a rebuild with other parameters recomputed version 2
        assertEquals(2, repository.countRows("MDA-ROU"));
        given().get("/assessments/MDA-ROU").then().statusCode(200)
                .body("version", equalTo(2)).body("score", equalTo(55.5f)).body("level", equalTo("ELEVATED"));
        // no stored sums for a record published without the header: ?at= cannot decay it
        given().queryParam("at", "2025-02-01T00:00:00Z").get("/assessments/MDA-ROU").then().statusCode(404);
    }

    @Test
    void aPollBatchWithAVersionTwiceKeepsTheLastAsOneByOneWould() throws Exception {
        PairAssessment first = new PairAssessment("MDA-UKR", 20.0, Level.of(20.0), 20.0, 20.0, 0.0, 0.0, 20.0,
                Map.of(Category.DIPLOMATIC, 20.0), 0.0, List.of(), 1, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
        PairAssessment recomputed = new PairAssessment("MDA-UKR", 60.0, Level.of(60.0), 60.0, 60.0, 0.0, 0.0, 60.0,
                Map.of(Category.DIPLOMATIC, 60.0), 0.0, List.of(), 1, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
        TopicPartition partition = new TopicPartition(Topics.ASSESSMENTS, 0);
        recorder.recordAll(new ConsumerRecords<>(Map.of(partition, List.of(
                new ConsumerRecord<>(Topics.ASSESSMENTS, 0, 0, "MDA-UKR", mapper.writeValueAsString(first)),
                new ConsumerRecord<>(Topics.ASSESSMENTS, 0, 1, "MDA-UKR", mapper.writeValueAsString(recomputed))))));

        assertEquals(1, repository.countRows("MDA-UKR"));
        given().get("/assessments/MDA-UKR").then().statusCode(200)
                .body("version", equalTo(1)).body("score", equalTo(60.0f)).body("level", equalTo("ELEVATED"));
    }
}
