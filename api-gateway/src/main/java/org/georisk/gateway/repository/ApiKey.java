package org.georisk.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.georisk.contracts.Role;

import java.time.Instant;

/** An analyst or ops key, stored as the SHA-256 hex of the key. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    public String keyHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** The key's name: unique, what ops manage it by, and the principal the services are told. */
    @Column(nullable = false, unique = true)
    public String owner;

    @Column(nullable = false)
    public boolean revoked;

    /** Seeded by the local profile; deleted at start by every other profile. */
    @Column(nullable = false)
    public boolean development;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
