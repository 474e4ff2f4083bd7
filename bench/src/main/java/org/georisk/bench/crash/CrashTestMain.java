package org.georisk.bench.crash;

import org.georisk.bench.GeoriskScriptControl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./georisk crashtest [--short] [--rate R] [--interval S] [--kills a,b,..] [--no-rebuild]} on the system of
 * {@code ./georisk start}: the broker's pid from .georisk/run/kafka.pid, the services' from theirs, every restart by
 * {@code ./georisk start}. Full: 1,000 events/s, the five components killed 40 s apart (about four minutes of load),
 * then the rebuild. --short: 200 events/s, 25 s apart. Step logs and the acknowledged eventIds go to
 * .georisk/crashtest/crashtest-&lt;time&gt;/. Exit status 0 when the test passed, 1 when it failed, 2 on usage.
 */
public final class CrashTestMain {

    static final List<String> ALL = List.of("ingest-service", "assessment-service", "notification-service",
            "api-gateway", CrashTest.BROKER);

    private CrashTestMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        double rate = 1000;
        int interval = 40;
        List<String> kills = ALL;
        boolean rebuild = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--short" -> {
                    rate = 200;
                    interval = 25;
                }
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--interval" -> interval = Integer.parseInt(args[++i]);
                case "--kills" -> kills = Arrays.asList(args[++i].split(","));
                case "--no-rebuild" -> rebuild = false;
                default -> usage();
            }
        }
        if (!ALL.containsAll(kills)) {
            usage();
        }
        Path base = root.toAbsolutePath().normalize();
        Path logDir = base.resolve(".georisk/crashtest/crashtest-" + Instant.now().toString().replace(':', '-'));
        // 50-line bulks: 1,000 events/s in 20 requests/s stay under the key's rate limit of 50 requests/s
        CrashTest.Settings settings = new CrashTest.Settings("http://127.0.0.1:8080", "127.0.0.1:9092", "dev-feed-key",
                "dev-analyst-key", rate, 50, kills, Duration.ofSeconds(20), Duration.ofSeconds(interval),
                Duration.ofSeconds(20), 60, rebuild, logDir);
        CrashReport report = new CrashTest(settings, new GeoriskScriptControl(base, settings.bootstrap()),
                () -> brokerPid(base), System.out).run();
        report.print(System.out);
        System.out.println("logs and acknowledged eventIds in " + logDir);
        System.exit(report.passed() ? 0 : 1);
    }

    private static long brokerPid(Path root) {
        try {
            return Long.parseLong(Files.readString(root.resolve(".georisk/run/kafka.pid")).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    private static void usage() {
        System.err.println("usage: ./georisk crashtest [--short] [--rate EVENTS_PER_S] [--interval SECONDS] "
                + "[--kills " + String.join(",", ALL) + "] [--no-rebuild]");
        System.exit(2);
    }
}
