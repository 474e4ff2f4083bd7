package org.georisk.assessment.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.georisk.assessment.service.ScoringParameters;

/** Exposes the configured tunables as one immutable value. */
@ApplicationScoped
public class ScoringParametersProducer {

    @Produces
    @Singleton
    ScoringParameters parameters(ScoringConfig config) {
        return ScoringParameters.from(config);
    }
}
