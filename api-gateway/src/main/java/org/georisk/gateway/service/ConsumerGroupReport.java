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
     * @param endOffset       the log end offset (transaction markers and open transactions included)
     * @param stableOffset    the last stable offset: where a read_committed consumer stops (no open transaction: the
     *                        end offset)
     * @param lag             the records still to read: those a read_committed consumer at the committed offset (the
     *                        log start when nothing is committed) reads up to the stable offset; 0 when it would read
     *                        none, even if a marker follows the committed offset. Counted when the gap is at most
     *                        1,000 offsets, otherwise stable offset minus committed offset (markers count as one each)
     */
    public record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, long stableOffset,
                               long lag) {
    }
}
