package org.georisk.ingest.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.georisk.contracts.events.EventValidator;
import org.georisk.ingest.service.BodyReader;
import org.georisk.ingest.service.EventPublisher;
import org.georisk.ingest.service.RecentEventIds;

import java.time.Clock;

/** The plain (CDI-free, unit-tested) service classes, built from configuration. */
@ApplicationScoped
public class IngestServiceProducers {

    @Produces
    @Singleton
    EventValidator validator(IngestConfig config) {
        IngestConfig.Limits l = config.limits();
        return new EventValidator(Clock.systemUTC(), l.source(), l.externalId(), l.headline(), l.url());
    }

    @Produces
    @Singleton
    EventPublisher publisher(@Channel("events") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                             MutinyEmitter<String> events, ObjectMapper mapper, IngestConfig config) {
        // Unbounded: the sink takes every message at once (max-inflight-messages=0), so the buffer only holds a
        // request's records between emit and hand-off, bounded by the request's size (max-bulk-lines).
        return new EventPublisher(events, mapper, config.publishTimeout());
    }

    @Produces
    @Singleton
    RecentEventIds recentEventIds(IngestConfig config) {
        return new RecentEventIds(config.recentIds());
    }

    @Produces
    @Singleton
    BodyReader bodyReader(ObjectMapper mapper) {
        return new BodyReader(mapper);
    }
}
