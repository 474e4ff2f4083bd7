package org.georisk.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.georisk.contracts.Role;
import org.georisk.gateway.config.GatewayConfig;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gateway's own keys (analyst, ops) by hash, each answer kept for {@code georisk.gateway.key-cache-ttl}: without
 * it every request read the key table. Unknown keys are cached too (they are feed keys, or bad keys a flood would
 * otherwise turn into one query each). {@link ApiKeyService} clears it on every change it makes, so on this instance
 * a deleted key stops working at once; on another instance within the TTL, as feed keys do.
 */
@ApplicationScoped
public class OwnKeyCache {

    /** What a request needs of a stored key. */
    public record OwnKey(String owner, Role role, boolean revoked) {
    }

    private final ExpiringAnswers<Optional<OwnKey>> answers = new ExpiringAnswers<>(10_000);

    @Inject
    GatewayConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The cached answer, else {@code lookup}'s; concurrent requests with one key wait for one lookup. */
    public Optional<OwnKey> find(String hash, Supplier<Optional<OwnKey>> lookup) {
        return answers.get(hash, config.keyCacheTtl(), lookup);
    }

    /** Forgets every answer now and, inside a transaction, again once it completed (so no reader re-caches the old row). */
    public void clear() {
        answers.clear();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    answers.clear();
                }
            });
        }
    }
}
