package org.georisk.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.ServiceIdentity;

/** Service tokens for ingest-service's audience. */
@ApplicationScoped
public class IngestTokenHeaders extends ServiceTokenHeaders {

    @Override
    protected String audience() {
        return ServiceIdentity.INGEST;
    }
}
