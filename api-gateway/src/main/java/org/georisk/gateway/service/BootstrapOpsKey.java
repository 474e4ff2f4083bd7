package org.georisk.gateway.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.georisk.contracts.Role;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The way into a deployment that has no key yet: {@code georisk.gateway.bootstrap-ops-key} (env
 * {@code GEORISK_BOOTSTRAP_OPS_KEY}) is, at every start, made the ops key named {@value #NAME}:
 * <ul>
 *   <li>set and not stored yet: stored (its hash, like every key);</li>
 *   <li>set and stored: left as it is, so restarts change nothing;</li>
 *   <li>set to another value than the stored one: the new value replaces it, the old one stops working;</li>
 *   <li>not set (or empty): a stored {@value #NAME} key is deleted, which is how it is rotated out once ops has
 *       keys of its own.</li>
 * </ul>
 * A value shorter than {@value #MIN_LENGTH} characters, with whitespace, or already stored as another key stops the
 * start with a message saying why. The key itself is never logged.
 */
@ApplicationScoped
public class BootstrapOpsKey {

    public static final String NAME = "bootstrap-ops";

    public static final int MIN_LENGTH = 16;

    /** What a start did with the bootstrap key. */
    public enum Outcome { CREATED, REPLACED, UNCHANGED, REMOVED, NONE }

    private static final Logger LOG = Logger.getLogger(BootstrapOpsKey.class);

    private static final String SETTING = "georisk.gateway.bootstrap-ops-key (env GEORISK_BOOTSTRAP_OPS_KEY)";

    @Inject
    GatewayConfig config;

    @Inject
    ApiKeyService keys;

    void onStart(@Observes StartupEvent event) {
        apply(config.bootstrapOpsKey());
    }

    /** What a start does with the configured value; public so that tests can replay a restart. */
    public Outcome apply(Optional<String> configured) {
        if (configured.isEmpty() || configured.get().isEmpty()) {
            if (keys.delete(NAME)) {
                LOG.infof("bootstrap ops key '%s' deleted: %s is no longer set", NAME, SETTING);
                return Outcome.REMOVED;
            }
            return Outcome.NONE;
        }
        String key = configured.get();
        check(key);
        Outcome outcome = store(key);
        switch (outcome) {
            case CREATED -> LOG.infof("bootstrap ops key '%s' stored from %s; create ops and analyst keys with "
                    + "POST /api/v1/ops/keys, then unset it", NAME, SETTING);
            case REPLACED -> LOG.infof("bootstrap ops key '%s' replaced by the new value of %s; the previous "
                    + "value no longer works", NAME, SETTING);
            default -> LOG.infof("bootstrap ops key '%s' is in place (%s is set; unset it once ops has keys of "
                    + "its own)", NAME, SETTING);
        }
        return outcome;
    }

    private Outcome store(String key) {
        ApiKeyService.Ensured ensured;
        try {
            try {
                ensured = keys.ensure(NAME, Role.OPS, key);
            } catch (PersistenceException e) {
                // another gateway instance starting at the same moment stored it first; a second look finds it
                ensured = keys.ensure(NAME, Role.OPS, key);
            }
        } catch (ApiKeyService.KeyInUseException e) {
            throw new IllegalStateException(SETTING + ": " + e.getMessage());
        }
        return switch (ensured) {
            case CREATED -> Outcome.CREATED;
            case REPLACED -> Outcome.REPLACED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
    }

    /** Refuses a value that would be easy to guess or could never match a header; the message never holds it. */
    private static void check(String key) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException(SETTING + " is " + key.length() + " characters long; it must have at least "
                    + MIN_LENGTH + " (e.g. the output of `openssl rand -hex 24`)");
        }
        if (key.length() > ApiKeyService.MAX_KEY_LENGTH) {
            throw new IllegalStateException(SETTING + " is " + key.length() + " characters long; at most "
                    + ApiKeyService.MAX_KEY_LENGTH + " are accepted");
        }
        if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalStateException(SETTING + " contains whitespace or control characters (a stray newline "
                    + "or space?); an X-API-Key header could never carry it");
        }
    }
}
