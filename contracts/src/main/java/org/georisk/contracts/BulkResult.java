package org.georisk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answer to a bulk post (NDJSON or GDELT): counts, and one line result per line read.
 *
 * @param skipped rows left out without being an error (GDELT rows with no country actor), by reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResult(int read, int accepted, int duplicates, int rejected, Map<String, Integer> skipped,
                         List<LineResult> lines) {

    /** Line numbers start at 1. status is ACCEPTED, DUPLICATE, REJECTED or SKIPPED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(int line, String status, UUID eventId, List<FieldError> errors) {
    }
}
