package org.georisk.ingest.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.georisk.contracts.events.EventValidator;
import org.georisk.ingest.service.BodyReader;
import org.georisk.ingest.service.EventPublisher;
import org.georisk.ingest.service.RecentEventIds;

import java.time.Clock;

/** The plain (CDI-free, unit-tested) service classes, built from configuration. */
@ApplicationScoped
public class ServiceBeans {

    @Produces
    @Singleton
    EventValidator validator(IngestConfig config) {
        IngestConfig.Limits l = config.limits();
        return new EventValidator(Clock.systemUTC(), l.source(), l.externalId(), l.headline(), l.url());
    }

    @Produces
    @Singleton
    EventPublisher publisher(Producer<String, String> producer, ObjectMapper mapper, IngestConfig config,
                             OpenTelemetry openTelemetry) {
        return new EventPublisher(producer, mapper, config.publishTimeout(),
                openTelemetry.getPropagators().getTextMapPropagator());
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
