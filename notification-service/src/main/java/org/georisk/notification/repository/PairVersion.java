package org.georisk.notification.repository;

/** One assessment's identity: its pair and version, the key of its processed marker. */
public record PairVersion(String pair, long version) {
}
