package org.georisk.gateway.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.georisk.contracts.Role;
import org.georisk.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The local run's development keys ({@code %local.georisk.gateway.dev-keys.*}, dev-analyst-key and dev-ops-key by
 * default). Where none is configured (every other profile) the keys seeded earlier are deleted, so a database once
 * used by a local run never lets them in elsewhere.
 */
@ApplicationScoped
public class DevKeySeeder {

    private static final Logger LOG = Logger.getLogger(DevKeySeeder.class);

    @Inject
    GatewayConfig config;

    @Inject
    ApiKeyService keys;

    void seed(@Observes StartupEvent event) {
        GatewayConfig.DevKeys dev = config.devKeys();
        if (dev.analyst().isEmpty() && dev.ops().isEmpty()) {
            long removed = keys.removeDevelopmentKeys();
            if (removed > 0) {
                LOG.infof("removed %d development keys (not accepted in this profile)", removed);
            }
            return;
        }
        keys.removeDevelopmentKeys();
        dev.analyst().ifPresent(key -> keys.register(key, Role.ANALYST, "dev-analyst", true));
        dev.ops().ifPresent(key -> keys.register(key, Role.OPS, "dev-ops", true));
        // names only: a key is never logged (docs/security.md)
        LOG.infof("development keys seeded: %s", dev.analyst().isPresent() && dev.ops().isPresent()
                ? "dev-analyst, dev-ops" : dev.analyst().isPresent() ? "dev-analyst" : "dev-ops");
    }
}
