package org.georisk.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ServiceIdentity;

/** Service tokens for assessment-service's audience. */
@ApplicationScoped
public class AssessmentTokenHeaders extends ServiceTokenHeaders {

    @Override
    protected String audience() {
        return ServiceIdentity.ASSESSMENT;
    }
}
