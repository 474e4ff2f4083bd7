package org.georisk.gateway.security;

import org.georisk.contracts.Role;

/**
 * Who is calling: the principal (analyst or ops key owner, or the feed's name) and the role of the key.
 *
 * @param bucket what the rate limit counts against: the key's hash, never the key itself
 */
public record Caller(String principal, Role role, String bucket) {
}
