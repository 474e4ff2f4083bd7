package org.georisk.assessment.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.georisk.contracts.PairAssessment;

/**
 * The JSON of a PairAssessment exactly as assessment-service publishes it. The service writes with Quarkus' default
 * ObjectMapper (no customizer, no quarkus.jackson.* settings in application.properties): the modules on the class
 * path registered (JSR-310 among them), dates as ISO-8601 strings rather than numbers, unknown properties ignored.
 * This mapper is configured the same way, without starting Quarkus.
 */
public final class AssessmentJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AssessmentJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One assessment as one line of JSON (no newline). */
    public static String line(PairAssessment assessment) {
        try {
            return MAPPER.writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a PairAssessment is always serialisable", e);
        }
    }
}
