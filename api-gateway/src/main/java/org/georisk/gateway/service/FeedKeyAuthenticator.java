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

import java.util.Optional;

/**
 * Feed keys belong to ingest-service's feed registry. The gateway asks it about a key it does not hold and trusts
 * the answer, positive or negative, for {@code georisk.gateway.feed-key-cache-ttl} (5 s): a key revoked in ingest
 * stops working at the gateway within that time, and a flood of bad keys costs ingest one call per key per TTL.
 */
@ApplicationScoped
public class FeedKeyAuthenticator {

    /** Bounds the cache against a flood of distinct bad keys; past it the cache starts over. */
    private final ExpiringAnswers<Optional<FeedCredential>> answers = new ExpiringAnswers<>(10_000);

    @Inject
    @RestClient
    IngestClient ingest;

    @Inject
    GatewayConfig config;

    /**
     * The feed (name and rate limit) of a valid feed key, empty for any other key; one call to ingest per key in
     * flight ({@link ExpiringAnswers}).
     */
    public Optional<FeedCredential> feedOf(String key, String keyHash) {
        return answers.get(keyHash, config.feedKeyCacheTtl(), () -> ask(key));
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
