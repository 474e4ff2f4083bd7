package org.georisk.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.contracts.FeedCredential;
import org.georisk.ingest.config.IngestConfig;
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
    private final FeedCounters counters;
    private final MeterRegistry meters;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public FeedService(FeedRepository feeds, FeedCounters counters, MeterRegistry meters, IngestConfig config) {
        this.feeds = feeds;
        this.counters = counters;
        this.meters = meters;
        this.config = config;
    }

    @Transactional
    public IssuedKey create(String name) {
        return create(name, null);
    }

    /** A new feed with its own rate limit, or the default one when {@code limit} is null. */
    @Transactional
    public IssuedKey create(String name, FeedRateLimit limit) {
        if (feeds.findByName(name).isPresent()) {
            throw new FeedExistsException(name);
        }
        return store(name, FeedKeys.newKey(), limit);
    }

    /** Sets a feed's rate limit ({@code null}: back to the default); the gateway applies it within its key cache TTL. */
    @Transactional
    public FeedRateLimit setRateLimit(String name, FeedRateLimit limit) {
        FeedEntity feed = feeds.findByName(name).orElseThrow(() -> new FeedNotFoundException(name));
        feed.requestsPerSecond = limit == null ? null : limit.requestsPerSecond();
        feed.burst = limit == null ? null : limit.burst();
        return rateLimitOf(feed);
    }

    /** The limit that applies to a feed: its own, else the configured default. */
    public FeedRateLimit rateLimitOf(FeedEntity feed) {
        return feed.requestsPerSecond == null || feed.burst == null
                ? new FeedRateLimit(config.feedRateLimit().requestsPerSecond(), config.feedRateLimit().burst())
                : new FeedRateLimit(feed.requestsPerSecond, feed.burst);
    }

    /** Registers a feed with a given key unless the name exists (the %local development feed). */
    @Transactional
    public boolean ensure(String name, String key) {
        if (feeds.findByName(name).isPresent()) {
            return false;
        }
        store(name, key, null);
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

    /** The feed of an active key, with the rate limit the gateway is to apply. */
    @Transactional
    public Optional<FeedCredential> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        return feeds.findActiveByKeyHash(FeedKeys.hash(key)).map(f -> {
            FeedRateLimit limit = rateLimitOf(f);
            return new FeedCredential(f.name, limit.requestsPerSecond(), limit.burst());
        });
    }

    /** Every feed with its counters, the ones counted since the last flush included. */
    @Transactional
    public List<FeedEntity> list() {
        counters.flush();
        return feeds.listByName();
    }

    /**
     * Counts one request's outcome for its feed, as metrics ({@code georisk_ingest_events_total{feed,outcome}}) at
     * once and in the registry at the next flush ({@link FeedCounters}). Internal calls count under feed "internal".
     */
    public void count(String feed, long accepted, long rejected, long duplicates) {
        String tag = feed == null ? "internal" : feed;
        add(tag, "accepted", accepted);
        add(tag, "rejected", rejected);
        add(tag, "duplicate", duplicates);
        if (feed != null) {
            counters.add(feed, accepted, rejected, duplicates);
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

    private IssuedKey store(String name, String key, FeedRateLimit limit) {
        FeedEntity feed = new FeedEntity();
        feed.name = name;
        feed.keyHash = FeedKeys.hash(key);
        feed.createdAt = clock.instant();
        if (limit != null) {
            feed.requestsPerSecond = limit.requestsPerSecond();
            feed.burst = limit.burst();
        }
        feeds.persist(feed);
        return new IssuedKey(name, key, feed.createdAt);
    }
}
