package org.georisk.gateway.service;

/**
 * One topic as {@code GET /api/v1/ops/topics} shows it.
 *
 * @param retentionMs  -1 for unlimited
 * @param sizeBytes    bytes on disk over all replicas (describeLogDirs)
 */
public record TopicReport(String name, int partitions, int replicationFactor, long retentionMs,
                          String cleanupPolicy, long sizeBytes) {
}
