package org.georisk.gateway.service;

import java.util.List;

/**
 * One consumer group as {@code GET /api/v1/ops/consumers} shows it.
 *
 * @param totalLag sum of the lag of its partitions
 */
public record ConsumerGroupReport(String groupId, String state, List<Member> members, List<PartitionLag> partitions,
                                  long totalLag) {

    /** A member and the partitions assigned to it ("topic-partition"). */
    public record Member(String memberId, String clientId, String host, List<String> assignment) {
    }

    /**
     * @param committedOffset null when the group has committed nothing for the partition yet
     * @param lag             end offset minus committed offset (the whole partition when nothing is committed)
     */
    public record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, long lag) {
    }
}
