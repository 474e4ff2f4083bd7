package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Role;
import org.georisk.gateway.repository.ApiKey;
import org.georisk.gateway.repository.ApiKeyRepository;
import org.georisk.gateway.security.Caller;

import java.util.Optional;

/**
 * Turns an X-API-Key into a caller: analyst and ops keys from the gateway's own table, any other key is asked of
 * ingest-service's feed registry and, when it names a feed, is that feed (role FEED).
 */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    FeedKeyAuthenticator feeds;

    /** Empty for an unknown or revoked key. Activates a request context when called outside one (WebSocket upgrade). */
    @ActivateRequestContext
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        String hash = KeyHashes.sha256Hex(key);
        Optional<ApiKey> own = keys.findByHash(hash);
        if (own.isPresent()) {
            ApiKey apiKey = own.get();
            return apiKey.revoked ? Optional.empty() : Optional.of(new Caller(apiKey.owner, apiKey.role, hash));
        }
        return feeds.feedOf(key, hash).map(feed -> new Caller(feed, Role.FEED, hash));
    }

    /** Stores a new analyst or ops key (only its hash). */
    @Transactional
    public void register(String key, Role role, String owner, boolean development) {
        if (role == Role.FEED) {
            throw new IllegalArgumentException("feed keys belong to ingest-service");
        }
        String hash = KeyHashes.sha256Hex(key);
        ApiKey apiKey = keys.findByHash(hash).orElseGet(ApiKey::new);
        apiKey.keyHash = hash;
        apiKey.role = role;
        apiKey.owner = owner;
        apiKey.revoked = false;
        apiKey.development = development;
        keys.persist(apiKey);
    }

    @Transactional
    public boolean revoke(String key) {
        return keys.findByHash(KeyHashes.sha256Hex(key)).map(apiKey -> apiKey.revoked = true).orElse(false);
    }

    @Transactional
    public long removeDevelopmentKeys() {
        return keys.deleteDevelopmentKeys();
    }
}
