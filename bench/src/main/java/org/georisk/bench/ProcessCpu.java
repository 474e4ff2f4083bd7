package org.georisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by each process of the system (user + system, from /proc/&lt;pid&gt;/stat), so a throughput figure can
 * say where the machine's cores went: each service, the broker, and PostgreSQL (every process whose command starts
 * with "postgres": client backends summed by database, the rest as one). Linux only; elsewhere, or for a process that
 * is gone, nothing is counted.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc's times: 100 on every Linux the project runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100.0;
    static final List<String> SERVICES = List.of("api-gateway", "ingest-service", "assessment-service",
            "notification-service", "kafka");

    private ProcessCpu() {
    }

    /** CPU seconds used so far by each service, the broker ({@code kafka}) and {@code postgres}. */
    static Map<String, Double> snapshot(ServiceControl control) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String service : SERVICES) {
            long pid = control.pid(service);
            if (pid > 0) {
                seconds.put(service, cpuSeconds(pid));
            }
        }
        // PostgreSQL's backends by the database they serve ("postgres: [15/main: ]user database host(port) state"), so
        // each service's share of the database shows; its own processes (writers, checkpointer) as "postgres".
        ProcessHandle.allProcesses().forEach(p -> {
            String title = psTitle(p.pid());
            if (title.startsWith("postgres:") || p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
                seconds.merge(postgresKey(title), cpuSeconds(p.pid()), Double::sum);
            }
        });
        return seconds;
    }

    /** The title PostgreSQL gives a process (what ps shows), from /proc: Java's command line reports the binary. */
    private static String psTitle(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** {@code postgres:<database>} for a client backend, {@code postgres} for the server's own processes. */
    static String postgresKey(String commandLine) {
        for (String word : commandLine.split(" ")) {
            if (word.startsWith("georisk_")) {
                return "postgres:" + word;
            }
        }
        return "postgres";
    }

    /** Milliseconds of CPU per event of each process between two snapshots, rounded to 0.01 ms. */
    static Map<String, Double> msPerEvent(Map<String, Double> before, Map<String, Double> after, long events) {
        Map<String, Double> ms = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            Double start = before.get(e.getKey());
            if (start != null && events > 0) {
                double perEvent = (e.getValue() - start) * 1000.0 / events;
                ms.put(e.getKey(), Math.round(perEvent * 100) / 100.0);
                total += perEvent;
            }
        }
        if (!ms.isEmpty()) {
            ms.put("total", Math.round(total * 100) / 100.0);
        }
        return ms;
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat, after the command in parentheses). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
