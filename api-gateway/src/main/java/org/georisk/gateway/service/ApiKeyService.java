package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Role;
import org.georisk.gateway.repository.ApiKey;
import org.georisk.gateway.repository.ApiKeyRepository;
import org.georisk.gateway.security.Caller;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns an X-API-Key into a caller: analyst and ops keys from the gateway's own table, any other key is asked of
 * ingest-service's feed registry and, when it names a feed, is that feed (role FEED). Also the gateway's own key
 * registry: analyst and ops keys by name (the name is the principal the services see).
 */
@ApplicationScoped
public class ApiKeyService {

    /** Names travel as X-GeoRisk-Principal and appear in logs: short, lower case, URL-safe (as feed names). */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    /** A longer key is refused by {@link #authenticate} before it is hashed. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #ensure} did. */
    public enum Ensured { CREATED, REPLACED, UNCHANGED }

    public static final class NameTakenException extends RuntimeException {
        public NameTakenException(String name) {
            super("a key named '" + name + "' already exists; delete it first to issue a new one");
        }
    }

    /** A given key is already stored under another name: storing it again would change that key's role. */
    public static final class KeyInUseException extends RuntimeException {
        public KeyInUseException(String name, String otherName) {
            super("the key given for '" + name + "' is already the key named '" + otherName
                    + "'; choose a key of its own");
        }
    }

    @Inject
    ApiKeyRepository keys;

    @Inject
    FeedKeyAuthenticator feeds;

    @Inject
    OwnKeyCache ownKeys;

    /**
     * Empty for an unknown or revoked key. The gateway's own keys are looked up through {@link OwnKeyCache} (a key
     * deleted or revoked here stops working at once; by another gateway instance, within the cache TTL).
     * Activates a request context when called outside one (WebSocket upgrade).
     */
    @ActivateRequestContext
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        String hash = KeyHashes.sha256Hex(key);
        Optional<OwnKeyCache.OwnKey> own = ownKeys.find(hash, () -> keys.findByHash(hash)
                .map(k -> new OwnKeyCache.OwnKey(k.owner, k.role, k.revoked)));
        if (own.isPresent()) {
            OwnKeyCache.OwnKey apiKey = own.get();
            return apiKey.revoked() ? Optional.empty() : Optional.of(new Caller(apiKey.owner(), apiKey.role(), hash));
        }
        return feeds.feedOf(key, hash)
                .map(feed -> new Caller(feed.feed(), Role.FEED, hash, feed.requestsPerSecond(), feed.burst()));
    }

    /** Stores a given analyst or ops key (only its hash); the same key again updates its row. */
    @Transactional
    public void register(String key, Role role, String owner, boolean development) {
        ownKeys.clear();
        requireOwnRole(role);
        String hash = KeyHashes.sha256Hex(key);
        ApiKey apiKey = keys.findByHash(hash).orElseGet(ApiKey::new);
        apiKey.keyHash = hash;
        apiKey.role = role;
        apiKey.owner = owner;
        apiKey.revoked = false;
        apiKey.development = development;
        keys.persist(apiKey);
    }

    /** A new random key named {@code name}; the answer is the only place the key is ever shown. */
    @Transactional
    public IssuedApiKey create(String name, Role role) {
        ownKeys.clear();
        requireOwnRole(role);
        if (keys.findByName(name).isPresent()) {
            throw new NameTakenException(name);
        }
        String key = "grk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ApiKey apiKey = newRow(name, role, KeyHashes.sha256Hex(key));
        try {
            keys.persistAndFlush(apiKey);
        } catch (PersistenceException e) {
            throw new NameTakenException(name); // created by a concurrent request since the check above
        }
        return new IssuedApiKey(name, role, key, apiKey.createdAt);
    }

    /**
     * Makes {@code key} the one key named {@code name}: stored when the name is free, put in place of the stored
     * key when that differs (the old key stops working at once), left as it is when it is the same.
     */
    @Transactional
    public Ensured ensure(String name, Role role, String key) {
        ownKeys.clear();
        requireOwnRole(role);
        String hash = KeyHashes.sha256Hex(key);
        Optional<ApiKey> sameKey = keys.findByHash(hash);
        if (sameKey.isPresent() && !sameKey.get().owner.equals(name)) {
            throw new KeyInUseException(name, sameKey.get().owner);
        }
        Optional<ApiKey> named = keys.findByName(name);
        if (named.isEmpty()) {
            keys.persistAndFlush(newRow(name, role, hash));
            return Ensured.CREATED;
        }
        ApiKey apiKey = named.get();
        Ensured result = apiKey.keyHash.equals(hash) ? Ensured.UNCHANGED : Ensured.REPLACED;
        if (result == Ensured.REPLACED) {
            apiKey.keyHash = hash;
            apiKey.createdAt = Instant.now();
        }
        apiKey.role = role;
        apiKey.revoked = false;
        apiKey.development = false;
        return result;
    }

    @Transactional
    public List<ApiKeyView> list() {
        return keys.listByName().stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    public Optional<ApiKeyView> find(String name) {
        return keys.findByName(name).map(ApiKeyView::of);
    }

    /** Deletes the key named {@code name}: it stops working with the next request. False when there is none. */
    @Transactional
    public boolean delete(String name) {
        ownKeys.clear();
        return keys.deleteByName(name);
    }

    @Transactional
    public boolean revoke(String key) {
        ownKeys.clear();
        return keys.findByHash(KeyHashes.sha256Hex(key)).map(apiKey -> apiKey.revoked = true).orElse(false);
    }

    @Transactional
    public long removeDevelopmentKeys() {
        ownKeys.clear();
        return keys.deleteDevelopmentKeys();
    }

    private static void requireOwnRole(Role role) {
        if (role == Role.FEED) {
            throw new IllegalArgumentException("feed keys belong to ingest-service");
        }
    }

    private static ApiKey newRow(String name, Role role, String hash) {
        ApiKey apiKey = new ApiKey();
        apiKey.keyHash = hash;
        apiKey.role = role;
        apiKey.owner = name;
        apiKey.revoked = false;
        apiKey.development = false;
        apiKey.createdAt = Instant.now();
        return apiKey;
    }

    /** 256 random bits, as feed keys have. */
    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
