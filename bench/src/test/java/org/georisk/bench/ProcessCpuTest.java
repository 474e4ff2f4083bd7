package org.georisk.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the cores went: CPU per event from two snapshots, and the reading of a real process's /proc times. */
class ProcessCpuTest {

    @Test
    void perEventMillisecondsAreTheDifferencesDividedByTheEventsWithTheirTotal() {
        Map<String, Double> before = new LinkedHashMap<>(Map.of("ingest-service", 10.0, "kafka", 4.0));
        Map<String, Double> after = new LinkedHashMap<>(Map.of("ingest-service", 12.5, "kafka", 5.0,
                "postgres", 3.0));

        Map<String, Double> ms = ProcessCpu.msPerEvent(before, after, 1000);

        assertEquals(2.5, ms.get("ingest-service"));
        assertEquals(1.0, ms.get("kafka"));
        assertEquals(3.5, ms.get("total"));
        // a process that was not there at the start (restarted) has no figure rather than all its time in this one
        assertTrue(!ms.containsKey("postgres"), ms.toString());
    }

    @Test
    void postgresBackendsAreCountedByTheirDatabaseAndTheServersOwnProcessesApart() {
        assertEquals("postgres:georisk_ingest",
                ProcessCpu.postgresKey("postgres: 15/main: postgres georisk_ingest 127.0.0.1(51824) idle"));
        assertEquals("postgres:georisk_assessment",
                ProcessCpu.postgresKey("postgres: georisk georisk_assessment 127.0.0.1(47286) INSERT"));
        assertEquals("postgres", ProcessCpu.postgresKey("postgres: 15/main: walwriter "));
    }

    @Test
    void theCurrentProcessHasUsedSomeCpuAndAGoneOneNone() {
        double start = ProcessCpu.cpuSeconds(ProcessHandle.current().pid());
        long x = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        assertTrue(x != 42);
        assertTrue(ProcessCpu.cpuSeconds(ProcessHandle.current().pid()) > start, "CPU time grows while working");
        assertEquals(0, ProcessCpu.cpuSeconds(Long.MAX_VALUE));
    }
}
