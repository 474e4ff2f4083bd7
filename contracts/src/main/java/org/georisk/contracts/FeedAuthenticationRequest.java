package org.georisk.contracts;

/**
 * Body of ingest-service {@code POST /feeds/authenticate}: a key the gateway does not hold itself. The answer is a
 * {@link FeedCredential} (200) or 401.
 */
public record FeedAuthenticationRequest(String key) {
}
