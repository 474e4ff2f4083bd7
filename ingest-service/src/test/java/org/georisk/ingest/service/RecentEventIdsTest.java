package org.georisk.ingest.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentEventIdsTest {

    private static final UUID A = UUID.nameUUIDFromBytes("a".getBytes());
    private static final UUID B = UUID.nameUUIDFromBytes("b".getBytes());
    private static final UUID C = UUID.nameUUIDFromBytes("c".getBytes());

    @Test
    void anAcknowledgedIdIsKnownAndAnOtherIsNot() {
        RecentEventIds ids = new RecentEventIds(10);
        ids.addAll(List.of(A));
        assertEquals(Set.of(A), ids.known(List.of(A, B)));
    }

    @Test
    void theOldestIdLeavesFirstWhenFull() {
        RecentEventIds ids = new RecentEventIds(2);
        ids.addAll(List.of(A, B));
        ids.addAll(List.of(C));
        assertEquals(Set.of(B, C), ids.known(List.of(A, B, C)));
        assertEquals(2, ids.size());
    }

    @Test
    void aRepeatDoesNotPushOutAnother() {
        RecentEventIds ids = new RecentEventIds(2);
        ids.addAll(List.of(A, B, A, A));
        assertEquals(Set.of(A, B), ids.known(List.of(A, B)));
    }

    @Test
    void aCapacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RecentEventIds(0));
    }
}
