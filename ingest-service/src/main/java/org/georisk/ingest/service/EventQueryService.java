package org.georisk.ingest.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.EventPage;
import org.georisk.ingest.mapping.ArchivedEventMapper;
import org.georisk.ingest.repository.ArchivedEventEntity;
import org.georisk.ingest.repository.EventArchiveRepository;

import java.time.Instant;

/** Reads the event archive. */
@ApplicationScoped
public class EventQueryService {

    private final EventArchiveRepository archive;
    private final ArchivedEventMapper rows;

    public EventQueryService(EventArchiveRepository archive, ArchivedEventMapper rows) {
        this.archive = archive;
        this.rows = rows;
    }

    public EventPage search(String pair, Instant from, Instant to, int page, int size) {
        PanacheQuery<ArchivedEventEntity> query = archive.search(pair, from, to, page, size);
        return new EventPage(page, size, query.count(), query.list().stream().map(rows::toEvent).toList());
    }
}
