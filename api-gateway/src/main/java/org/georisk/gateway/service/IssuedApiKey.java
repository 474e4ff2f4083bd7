package org.georisk.gateway.service;

import org.georisk.contracts.Role;

import java.time.Instant;

/** A key just created: the only answer that ever shows the key itself. */
public record IssuedApiKey(String name, Role role, String key, Instant createdAt) {
}
