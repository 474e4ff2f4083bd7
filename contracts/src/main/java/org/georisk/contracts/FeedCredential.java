package org.georisk.contracts;

/**
 * Answer of ingest-service {@code POST /feeds/authenticate}: the feed a key belongs to. The gateway turns it into the
 * {@link Headers#PRINCIPAL} of the feed's calls.
 */
public record FeedCredential(String feed) {
}
