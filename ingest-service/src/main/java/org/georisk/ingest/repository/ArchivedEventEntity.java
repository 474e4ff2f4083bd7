package org.georisk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as the archive consumer read it from {@code georisk.events}: the columns it is queried by, plus the
 * record's JSON exactly as published (so the archive returns what the log holds, whatever fields it grows).
 */
@Entity
@Table(name = "event_archive")
public class ArchivedEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(nullable = false)
    public String pair;

    @Column(nullable = false)
    public String source;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "archived_at", nullable = false)
    public Instant archivedAt;

    @Column(nullable = false)
    public String payload;
}
