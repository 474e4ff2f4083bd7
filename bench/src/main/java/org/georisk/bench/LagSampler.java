package org.georisk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every consumer group's lag ({@link KafkaLag#lagOfEveryGroup()}) at a fixed interval while a load runs.
 * Per group: the maximum, and whether the lag grew: the mean of the last third of the samples exceeds the mean of
 * the first third by more than {@link #tolerance} records: two seconds of the offered load, at least 500 (a consumer
 * that keeps up may still be a batch or a commit interval behind at any moment; one that falls behind adds the
 * difference every second, which over a minute is far more).
 */
public final class LagSampler implements AutoCloseable {

    public record GroupLag(String group, long max, double firstThirdMean, double lastThirdMean, int samples,
                           boolean grew) {
    }

    private final KafkaLag kafka;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lag-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Long>> samples = new TreeMap<>();

    public LagSampler(KafkaLag kafka, long intervalMillis) {
        this.kafka = kafka;
        timer.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            Map<String, Long> now = kafka.lagOfEveryGroup();
            synchronized (samples) {
                now.forEach((group, lag) -> samples.computeIfAbsent(group, g -> new ArrayList<>()).add(lag));
            }
        } catch (Exception e) {
            // one missed sample (a slow Admin answer under load) is no reason to end the measurement
        }
    }

    /** Growth of a group's mean lag that still counts as bounded, for a load of R events/s. */
    public static double tolerance(double eventsPerSecond) {
        return Math.max(500, 2 * eventsPerSecond);
    }

    /** Per group; "grew" against {@link #tolerance} of the given load. */
    public Map<String, GroupLag> result(double eventsPerSecond) {
        double tolerance = tolerance(eventsPerSecond);
        Map<String, GroupLag> result = new TreeMap<>();
        synchronized (samples) {
            samples.forEach((group, values) -> {
                int third = Math.max(1, values.size() / 3);
                double first = values.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
                double last = values.subList(values.size() - third, values.size()).stream().mapToLong(Long::longValue)
                        .average().orElse(0);
                long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
                result.put(group, new GroupLag(group, max, first, last, values.size(), last - first > tolerance));
            });
        }
        return result;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
