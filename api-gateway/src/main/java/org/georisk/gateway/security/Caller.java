package org.georisk.gateway.security;

import org.georisk.contracts.Role;

/**
 * Who is calling: the principal (analyst or ops key owner, or the feed's name) and the role of the key.
 *
 * @param bucket            what the rate limit counts against: the key's hash, never the key itself
 * @param requestsPerSecond the key's rate limit (a feed's own, set in ingest-service's registry), 0 for the
 *                          gateway's default ({@code georisk.gateway.rate-limit.*})
 * @param burst             the key's burst, 0 for the default
 */
public record Caller(String principal, Role role, String bucket, double requestsPerSecond, int burst) {

    /** An analyst or ops key: the gateway's default rate limit. */
    public Caller(String principal, Role role, String bucket) {
        this(principal, role, bucket, 0, 0);
    }

    public boolean hasOwnRateLimit() {
        return requestsPerSecond > 0 && burst >= 1;
    }
}
