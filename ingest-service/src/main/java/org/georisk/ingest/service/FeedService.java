package org.georisk.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.ingest.repository.FeedEntity;
import org.georisk.ingest.repository.FeedRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The feed registry: create, rotate, revoke, authenticate, and the per-feed counters. */
@ApplicationScoped
public class FeedService {

    /** Feed names become event sources and metric tags: short, lower case, URL-safe. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    /** A new feed or a new key: the only time the key itself is ever shown. */
    public record IssuedKey(String feed, String key, Instant createdAt) {
    }

    public static final class FeedExistsException extends RuntimeException {
        public FeedExistsException(String name) {
            super("a feed named '" + name + "' already exists");
        }
    }

    public static final class FeedNotFoundException extends RuntimeException {
        public FeedNotFoundException(String name) {
            super("no feed named '" + name + "'");
        }
    }

    private final FeedRepository feeds;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    public FeedService(FeedRepository feeds, MeterRegistry meters) {
        this.feeds = feeds;
        this.meters = meters;
    }

    @Transactional
    public IssuedKey create(String name) {
        if (feeds.findByName(name).isPresent()) {
            throw new FeedExistsException(name);
        }
        return store(name, FeedKeys.newKey());
    }

    /** Registers a feed with a given key unless the name exists (the %local development feed). */
    @Transactional
    public boolean ensure(String name, String key) {
        if (feeds.findByName(name).isPresent()) {
            return false;
        }
        store(name, key);
        return true;
    }

    /** A new key for a feed; the old one stops working at once and a revoked feed is active again. */
    @Transactional
    public IssuedKey rotate(String name) {
        FeedEntity feed = feeds.findByName(name).orElseThrow(() -> new FeedNotFoundException(name));
        String key = FeedKeys.newKey();
        feed.keyHash = FeedKeys.hash(key);
        feed.revokedAt = null;
        return new IssuedKey(name, key, clock.instant());
    }

    @Transactional
    public void revoke(String name) {
        FeedEntity feed = feeds.findByName(name).orElseThrow(() -> new FeedNotFoundException(name));
        if (feed.revokedAt == null) {
            feed.revokedAt = clock.instant();
        }
    }

    @Transactional
    public Optional<String> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        return feeds.findActiveByKeyHash(FeedKeys.hash(key)).map(f -> f.name);
    }

    @Transactional
    public List<FeedEntity> list() {
        return feeds.listByName();
    }

    /**
     * Counts one request's outcome for its feed, in the registry (when the feed is registered) and as metrics
     * ({@code georisk_ingest_events_total{feed,outcome}}). Direct internal calls count under feed "internal".
     */
    @Transactional
    public void count(String feed, long accepted, long rejected, long duplicates) {
        String tag = feed == null ? "internal" : feed;
        add(tag, "accepted", accepted);
        add(tag, "rejected", rejected);
        add(tag, "duplicate", duplicates);
        if (feed != null) {
            feeds.count(feed, accepted, rejected, duplicates, clock.instant());
        }
    }

    /** Rejections by the field that failed first ({@code georisk_ingest_rejections_total{feed,field}}). */
    public void countRejection(String feed, String field) {
        meters.counter("georisk.ingest.rejections", "feed", feed == null ? "internal" : feed, "field", field).increment();
    }

    /** GDELT rows left out, by reason ({@code georisk_ingest_skipped_total{feed,reason}}). */
    public void countSkipped(String feed, String reason, long n) {
        if (n > 0) {
            meters.counter("georisk.ingest.skipped", "feed", feed == null ? "internal" : feed, "reason", reason).increment(n);
        }
    }

    private void add(String feed, String outcome, long n) {
        if (n > 0) {
            meters.counter("georisk.ingest.events", "feed", feed, "outcome", outcome).increment(n);
        }
    }

    private IssuedKey store(String name, String key) {
        FeedEntity feed = new FeedEntity();
        feed.name = name;
        feed.keyHash = FeedKeys.hash(key);
        feed.createdAt = clock.instant();
        feeds.persist(feed);
        return new IssuedKey(name, key, feed.createdAt);
    }
}
