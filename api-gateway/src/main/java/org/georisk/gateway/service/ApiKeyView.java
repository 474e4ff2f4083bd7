package org.georisk.gateway.service;

import org.georisk.contracts.Role;
import org.georisk.gateway.repository.ApiKey;

import java.time.Instant;

/** An analyst or ops key as ops see it: never the key or its hash. */
public record ApiKeyView(String name, Role role, Instant createdAt, boolean revoked) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.owner, key.role, key.createdAt, key.revoked);
    }
}
