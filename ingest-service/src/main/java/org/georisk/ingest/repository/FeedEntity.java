package org.georisk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A registered feed: its name (the {@code source} of its events), the SHA-256 of its key, and its counters. */
@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    /** Hex SHA-256 of the key; keys are random with 256 bits, so an unsalted fast hash is enough. */
    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(nullable = false)
    public long accepted;

    @Column(nullable = false)
    public long rejected;

    @Column(nullable = false)
    public long duplicates;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** The feed's own request rate at the gateway; null (with burst) for the configured default. */
    @Column(name = "requests_per_second")
    public Double requestsPerSecond;

    @Column(name = "burst")
    public Integer burst;

    public boolean active() {
        return revokedAt == null;
    }
}
