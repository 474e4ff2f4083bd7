package org.georisk.contracts;

import java.util.UUID;

/** Answer to one posted event: 202 when new and acknowledged by Kafka, 200 with duplicate=true for a re-post. */
public record IngestResult(UUID eventId, String pair, boolean duplicate) {
}
