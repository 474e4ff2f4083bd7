package org.georisk.ingest.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.georisk.ingest.config.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Seeds the development feed ({@code analyst-desk} with key {@code dev-feed-key}) when a key is configured. Only the
 * %local profile configures {@code georisk.ingest.dev-feed-key}, so no other profile ever accepts that key.
 */
@ApplicationScoped
public class DevFeedSeeder {

    private static final Logger LOG = Logger.getLogger(DevFeedSeeder.class);

    void onStart(@Observes StartupEvent start, IngestConfig config, FeedService feeds) {
        config.devFeedKey().filter(k -> !k.isBlank()).ifPresent(key -> {
            if (feeds.ensure(config.devFeedName(), key)) {
                LOG.infof("development feed '%s' registered", config.devFeedName());
            }
        });
    }
}
