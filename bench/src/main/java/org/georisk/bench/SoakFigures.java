package org.georisk.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * (h) Soak: the load generator at R events/s for the given minutes; every 10 s each service's resident memory
 * (VmRSS of /proc/&lt;pid&gt;/status) and every consumer group's lag. The first third is the warm-up; a service's
 * memory is flat when the mean of the last third is within 5 % of the middle third's, a group's lag is bounded when
 * the last third's mean is not above the first third's by more than one second of load.
 */
final class SoakFigures {

    private static final long SAMPLE_MS = 10_000;

    private final BenchSettings s;
    private final ServiceControl control;
    private final KafkaLag kafka;
    private final PrintStream out;

    SoakFigures(BenchSettings s, ServiceControl control, KafkaLag kafka, PrintStream out) {
        this.s = s;
        this.control = control;
        this.kafka = kafka;
        this.out = out;
    }

    List<Figure> run() throws Exception {
        Duration length = Duration.ofMinutes(s.soakMinutes);
        LoadGenerator load = new LoadGenerator(LoadGenerator.Settings.paced(s.gateway, s.feedKey, s.latencyRate,
                s.latencyLoadLines, 16, length), out);
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        BenchSettings.SERVICES.forEach(service -> rss.put(service, new ArrayList<>()));
        LoadResult loadResult;
        Map<String, LagSampler.GroupLag> lags;
        try (LagSampler sampler = new LagSampler(kafka, SAMPLE_MS)) {
            CompletableFuture<LoadResult> running = load.runInBackground();
            long end = System.currentTimeMillis() + length.toMillis();
            while (System.currentTimeMillis() < end && !running.isDone()) {
                rss.forEach((service, samples) -> samples.add(rssMib(control.pid(service))));
                out.printf(Locale.ROOT, "  soak %3.0f s: RSS MiB %s%n",
                        (length.toMillis() - (end - System.currentTimeMillis())) / 1000.0, lastOf(rss));
                // sampling pace of the soak's RSS figures
                Thread.sleep(SAMPLE_MS);
            }
            load.stop();
            loadResult = running.get(300, TimeUnit.SECONDS);
            lags = sampler.result(s.latencyRate);
        }
        out.println("  soak load: " + loadResult.summary());
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("soak.load", "soak load acknowledged, " + s.soakMinutes + " min",
                loadResult.acknowledgedPerSecond(), "/s").atLeast(0.95 * s.latencyRate, "≥ " + (int) s.latencyRate
                + "/s sustained").details(loadResult.asMap()));
        rss.forEach((service, samples) -> figures.add(rssFigure(service, samples)));
        lags.values().forEach(g -> figures.add(LatencyFigures.lagFigure("soak.lag.", g, "during the soak")));
        return figures;
    }

    private static Figure rssFigure(String service, List<Long> samples) {
        List<Long> known = samples.stream().filter(v -> v > 0).toList();
        if (known.size() < 3) {
            return Figure.failed("soak.rss." + service, "resident memory", "MiB", "fewer than 3 samples: " + known);
        }
        int third = Math.max(1, known.size() / 3);
        double middle = mean(known.subList(Math.min(third, known.size() - 1), Math.min(2 * third, known.size())));
        double last = mean(known.subList(known.size() - third, known.size()));
        double growth = middle > 0 ? (last - middle) / middle * 100 : Double.NaN;
        return Figure.of("soak.rss." + service, "resident memory, mean of the last third of the soak", last, "MiB")
                .withGoal("flat (≤ +5 % after warm-up)", growth <= 5)
                .detail("middleThirdMeanMiB", Math.round(middle)).detail("growthPercent", growth)
                .detail("samplesMiB", known);
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    private static String lastOf(Map<String, List<Long>> rss) {
        StringBuilder b = new StringBuilder();
        rss.forEach((service, samples) -> b.append(service.replace("-service", "")).append(' ')
                .append(samples.isEmpty() ? "?" : samples.get(samples.size() - 1)).append("  "));
        return b.toString().trim();
    }

    /** VmRSS in MiB, or -1 when the process is gone. */
    static long rssMib(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
