package org.georisk.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A stored subscription. Lists and rules are JSON text (mapped in .mapping) so the schema stays simple. */
@Entity
@Table(name = "subscription")
public class SubscriptionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String owner;
    public String name;
    @Column(name = "pairs_json")
    public String pairsJson;
    public String actor;
    @Column(name = "categories_json")
    public String categoriesJson;
    @Column(name = "min_level")
    public String minLevel;
    @Column(name = "rules_json")
    public String rulesJson;
    @Column(name = "cooldown_minutes")
    public int cooldownMinutes;
    @Column(name = "webhook_url")
    public String webhookUrl;
    /** Encrypted at rest (docs/security.md). */
    @Column(name = "webhook_secret")
    @Convert(converter = SecretColumnConverter.class)
    public String webhookSecret;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<SubscriptionEntity> ownedBy(String owner) {
        return list("owner = ?1 order by createdAt, id", owner);
    }

    public static Optional<SubscriptionEntity> findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
    }
}
