package org.georisk.ingest.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.georisk.contracts.GeoEvent;
import org.georisk.ingest.mapping.ArchivedEventMapper;
import org.georisk.ingest.repository.EventArchiveRepository;

import java.io.IOException;
import java.time.Instant;

/**
 * Archives every record of {@code georisk.events} once (consumer group {@code georisk-ingest-archive}). The insert is
 * idempotent on eventId, so redeliveries and replays are no-ops. A record that is not a readable GeoEvent makes this
 * method throw: the channel's failure strategy (dead-letter-queue → {@code georisk.events.dlq}) moves it aside with
 * SmallRye's {@code dead-letter-*} headers and the consumer keeps going.
 */
@ApplicationScoped
public class EventArchiveConsumer {

    private final ObjectMapper mapper;
    private final ArchivedEventMapper rows;
    private final EventArchiveRepository archive;

    public EventArchiveConsumer(ObjectMapper mapper, ArchivedEventMapper rows, EventArchiveRepository archive) {
        this.mapper = mapper;
        this.rows = rows;
        this.archive = archive;
    }

    @Incoming("events-archive")
    @Blocking
    @Transactional
    public void archive(String json) throws IOException {
        if (json == null) {
            throw new IllegalArgumentException("record without a value");
        }
        GeoEvent event = mapper.readValue(json, GeoEvent.class);
        if (event.eventId() == null || event.actor1() == null || event.occurredAt() == null
                || event.source() == null || event.externalId() == null) {
            throw new IllegalArgumentException("record is not a complete GeoEvent");
        }
        archive.insertIfAbsent(rows.toEntity(event, json, Instant.now()));
    }
}
