package org.georisk.gateway.stream;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeBufferTest {

    private static StreamEvent event(long ts, int partition, long offset, String pair, String key) {
        return new StreamEvent(new EventPosition(ts, partition, offset), pair, key, "{}");
    }

    private static List<String> ids(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::id).toList();
    }

    @Test
    void resumeGivesTheEventsAfterTheIdInPositionOrder() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.add(event(100, 1, 7, "AZE-RUS", "a"));
        buffer.add(event(300, 0, 2, "AZE-RUS", "c"));
        buffer.add(event(200, 2, 4, "ARM-RUS", "b"));
        assertEquals(List.of("200-2-4", "300-0-2"), ids(buffer.after(EventPosition.parse("100-1-7").orElseThrow(), null)));
        assertEquals(List.of("300-0-2"), ids(buffer.after(new EventPosition(100, 1, 7), "AZE-RUS")));
        assertEquals(List.of(), ids(buffer.after(new EventPosition(300, 0, 2), null)));
    }

    @Test
    void anIdOlderThanTheBufferGetsEverythingRetained() {
        ResumeBuffer buffer = new ResumeBuffer(2);
        buffer.add(event(1, 0, 1, "P", "1"));
        buffer.add(event(2, 0, 2, "P", "2"));
        buffer.add(event(3, 0, 3, "P", "3"));
        assertEquals(2, buffer.size());
        assertEquals(List.of("2-0-2", "3-0-3"), ids(buffer.after(new EventPosition(1, 0, 1), null)));
    }

    @Test
    void aRepeatIsRefusedEvenAfterItsOriginalWasEvicted() {
        ResumeBuffer buffer = new ResumeBuffer(1);
        assertTrue(buffer.add(event(1, 0, 1, "P", "alert-1")));
        assertTrue(buffer.add(event(2, 0, 2, "P", "alert-2")));
        assertFalse(buffer.add(event(3, 0, 3, "P", "alert-1")));
        assertFalse(buffer.add(event(2, 0, 2, "P", null)), "the same record read twice");
    }

    @Test
    void idsRoundTripAndGarbageIsNoId() {
        EventPosition position = new EventPosition(1743984000000L, 5, 42);
        assertEquals(position, EventPosition.parse(position.id()).orElseThrow());
        assertTrue(EventPosition.parse("abc").isEmpty());
        assertTrue(EventPosition.parse("1-2").isEmpty());
        assertTrue(EventPosition.parse(null).isEmpty());
    }
}
