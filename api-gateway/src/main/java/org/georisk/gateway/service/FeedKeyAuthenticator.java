package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.georisk.contracts.FeedAuthenticationRequest;
import org.georisk.contracts.FeedCredential;
import org.georisk.gateway.client.IngestClient;
import org.georisk.gateway.config.GatewayConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feed keys belong to ingest-service's feed registry. The gateway asks it about a key it does not hold and trusts
 * the answer, positive or negative, for {@code georisk.gateway.feed-key-cache-ttl} (5 s): a key revoked in ingest
 * stops working at the gateway within that time, and a flood of bad keys costs ingest one call per key per TTL.
 */
@ApplicationScoped
public class FeedKeyAuthenticator {

    private record Answer(Optional<FeedCredential> feed, Instant expires) {
    }

    /** Bounds the cache against a flood of distinct bad keys; past it the cache starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Answer> cache = new ConcurrentHashMap<>();
    /** One lock object per key being asked about right now. */
    private final Map<String, Object> asking = new ConcurrentHashMap<>();

    @Inject
    @RestClient
    IngestClient ingest;

    @Inject
    GatewayConfig config;

    Clock clock = Clock.systemUTC();

    /**
     * The feed (name and rate limit) of a valid feed key, empty for any other key. One request per key asks ingest
     * when the answer is missing or expired; the key's other concurrent requests wait for that answer instead of
     * each asking too (64 connections of one feed otherwise sent 64 calls every TTL, and held 64 worker threads).
     */
    public Optional<FeedCredential> feedOf(String key, String keyHash) {
        Answer cached = fresh(keyHash);
        if (cached != null) {
            return cached.feed();
        }
        synchronized (asking.computeIfAbsent(keyHash, k -> new Object())) {
            try {
                cached = fresh(keyHash);
                if (cached != null) {
                    return cached.feed();
                }
                Optional<FeedCredential> feed = ask(key);
                if (cache.size() >= MAX_ENTRIES) {
                    cache.clear();
                }
                cache.put(keyHash, new Answer(feed, clock.instant().plus(config.feedKeyCacheTtl())));
                return feed;
            } finally {
                asking.remove(keyHash);
            }
        }
    }

    private Answer fresh(String keyHash) {
        Answer cached = cache.get(keyHash);
        return cached != null && cached.expires().isAfter(clock.instant()) ? cached : null;
    }

    private Optional<FeedCredential> ask(String key) {
        try (Response answer = ingest.authenticate(new FeedAuthenticationRequest(key))) {
            if (answer.getStatus() == 200) {
                FeedCredential credential = answer.readEntity(FeedCredential.class);
                return Optional.of(credential).filter(c -> c.feed() != null && !c.feed().isBlank());
            }
            if (answer.getStatus() == 401 || answer.getStatus() == 403 || answer.getStatus() == 404) {
                return Optional.empty();
            }
            throw new DownstreamUnavailableException("ingest-service",
                    new IllegalStateException("feed authentication answered " + answer.getStatus()));
        } catch (ProcessingException e) {
            throw new DownstreamUnavailableException("ingest-service", e);
        }
    }
}
