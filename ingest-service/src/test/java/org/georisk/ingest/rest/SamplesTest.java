package org.georisk.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.georisk.contracts.HeaderNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The shipped sample files are what they claim: every seed event valid, the GDELT sample in the export format. */
@QuarkusTest
class SamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void everySeedEventIsAccepted() throws IOException {
        byte[] feed = Files.readAllBytes(SAMPLES.resolve("seed-events.ndjson"));
        long lines = Files.readAllLines(SAMPLES.resolve("seed-events.ndjson")).stream().filter(l -> !l.isBlank()).count();
        As.feed("seed-report").contentType(HeaderNames.NDJSON).body(feed).post("/events")
                .then().statusCode(200)
                .body("read", equalTo((int) lines))
                .body("rejected", equalTo(0))
                .body("duplicates", equalTo(0))
                .body("accepted", equalTo((int) lines));
    }

    @Test
    void theGdeltSampleIsReadAsDocumented() throws IOException {
        byte[] file = Files.readAllBytes(SAMPLES.resolve("gdelt-sample.export.CSV"));
        As.feed("gdelt-sample-test").contentType(HeaderNames.TSV).body(file).post("/events/gdelt")
                .then().statusCode(200)
                .body("read", equalTo(8))
                .body("accepted", equalTo(7))
                .body("rejected", equalTo(0))
                .body("skipped.no-country-actor", equalTo(1));
    }
}
