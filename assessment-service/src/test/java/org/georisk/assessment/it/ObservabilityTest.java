package org.georisk.assessment.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.georisk.contracts.Category;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ops watch: readiness with the stream's state, and the metrics moving when an event is assessed. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void readinessReportsTheStreamStateAndDatabase() {
        Await.until(() -> given().get("/q/health/ready"), r -> r.statusCode() == 200, "readiness UP");
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka Streams state (readiness)"))
                .body("checks.find { it.name == 'Kafka Streams state (readiness)' }.data.state", equalTo("RUNNING"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void assessingAnEventMovesTheComputedCounterAndTheDelayHistogram() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double computed = value(metrics, "georisk_assessments_computed_total");
        double delays = value(metrics, "georisk_assessment_delay_seconds_count");
        try (EventFeed feed = new EventFeed(mapper)) {
            feed.send("ISL-NOR", AssessmentServiceTest.event("obs-1", "ISL", "NOR", Instant.parse("2025-05-01T00:00:00Z"),
                    -5, 2, Category.DIPLOMATIC, "Fishing dispute"));
        }
        AssessmentServiceTest.latest("ISL-NOR", 1);
        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(value(after, "georisk_assessments_computed_total") >= computed + 1, "assessments computed moved");
        assertTrue(value(after, "georisk_assessment_delay_seconds_count") >= delays + 1, "delay histogram moved");
        assertTrue(after.contains("georisk_assessment_delay_seconds_bucket{le="), "delay is a histogram");
        assertTrue(after.contains("kafka_"), "Kafka client metrics (micrometer Kafka binder)");
        assertTrue(after.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    /** Sum of every sample of a metric (all tag combinations); 0 when absent. */
    static double value(String metrics, String name) {
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l) // an exemplar follows the value
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
