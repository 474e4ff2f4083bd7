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

    @Inject
    @RestClient
    IngestClient ingest;

    @Inject
    GatewayConfig config;

    Clock clock = Clock.systemUTC();

    /** The feed (name and rate limit) of a valid feed key, empty for any other key. */
    public Optional<FeedCredential> feedOf(String key, String keyHash) {
        Instant now = clock.instant();
        Answer cached = cache.get(keyHash);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.feed();
        }
        Optional<FeedCredential> feed = ask(key);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(keyHash, new Answer(feed, now.plus(config.feedKeyCacheTtl())));
        return feed;
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
