package org.georisk.gateway.rest;

/** Body of {@code POST /api/v1/ops/keys}: the new key's name and role ({@code analyst} or {@code ops}). */
public record ApiKeyRequest(String name, String role) {
}
