package org.georisk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FeedRepository implements PanacheRepository<FeedEntity> {

    public Optional<FeedEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public Optional<FeedEntity> findActiveByKeyHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    public List<FeedEntity> listByName() {
        return listAll(Sort.by("name"));
    }

    /** Adds to a feed's counters in one statement, so concurrent requests of one feed never lose a count. */
    public void count(String name, long accepted, long rejected, long duplicates, Instant seenAt) {
        update("accepted = accepted + ?1, rejected = rejected + ?2, duplicates = duplicates + ?3, lastSeenAt = ?4 "
                + "where name = ?5", accepted, rejected, duplicates, seenAt, name);
    }
}
