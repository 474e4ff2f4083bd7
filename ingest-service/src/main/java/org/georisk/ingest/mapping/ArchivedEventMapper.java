package org.georisk.ingest.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.GeoEvent;
import org.georisk.ingest.repository.ArchivedEventEntity;

import java.time.Instant;

/** GeoEvent ↔ archive row. The row keeps the record's JSON as published; columns are for querying only. */
@ApplicationScoped
public class ArchivedEventMapper {

    private final ObjectMapper mapper;

    public ArchivedEventMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ArchivedEventEntity toEntity(GeoEvent event, String json, Instant archivedAt) {
        ArchivedEventEntity e = new ArchivedEventEntity();
        e.eventId = event.eventId();
        e.pair = event.pairKey();
        e.source = event.source();
        e.externalId = event.externalId();
        e.occurredAt = event.occurredAt();
        e.archivedAt = archivedAt;
        e.payload = json;
        return e;
    }

    public GeoEvent toEvent(ArchivedEventEntity entity) {
        try {
            return mapper.readValue(entity.payload, GeoEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("archived event " + entity.eventId + " no longer reads as a GeoEvent", e);
        }
    }
}
