package org.georisk.assessment.stream;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.georisk.assessment.stream.TopologyHarness.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The event's W3C trace context goes on with its assessment, so one trace follows the event downstream. */
class TraceHeadersTest {

    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void eachAssessmentCarriesTheTraceparentOfTheEventThatProducedIt() {
        String first = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String second = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        try (TopologyHarness h = new TopologyHarness()) {
            send(h, event("t1", "AZE", "RUS", T, -6, 2, Category.DIPLOMATIC, "Note"), first, "vendor=a");
            send(h, event("t2", "AZE", "RUS", T.plusSeconds(60), -4, 1, Category.DIPLOMATIC, "Protest"), second, null);
            h.events.pipeInput("AZE-RUS", TopologyHarness.json(
                    event("t3", "AZE", "RUS", T.plusSeconds(120), 3, 1, Category.ECONOMIC, "Talks")));

            List<TestRecord<String, byte[]>> out = h.emitted();
            assertEquals(3, out.size());
            assertEquals(first, TopologyHarness.header(out.get(0).headers(), "traceparent"));
            assertEquals("vendor=a", TopologyHarness.header(out.get(0).headers(), "tracestate"));
            assertEquals(second, TopologyHarness.header(out.get(1).headers(), "traceparent"));
            assertNull(TopologyHarness.header(out.get(1).headers(), "tracestate"));
            // an event without trace context gives an assessment without one (not the previous event's)
            assertNull(TopologyHarness.header(out.get(2).headers(), "traceparent"));
            // when ingest accepted the event, for the gateway's received -> pushed delay (harness: receivedAt = at)
            assertEquals(Long.toString(T.plusSeconds(60).toEpochMilli()),
                    TopologyHarness.header(out.get(1).headers(), "georisk.event.received-at"));
        }
    }

    private static void send(TopologyHarness h, GeoEvent e, String traceparent, String tracestate) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        if (tracestate != null) {
            headers.add("tracestate", tracestate.getBytes(StandardCharsets.UTF_8));
        }
        h.events.pipeInput(new TestRecord<>(e.pairKey(), TopologyHarness.json(e), headers, e.occurredAt()));
    }
}
