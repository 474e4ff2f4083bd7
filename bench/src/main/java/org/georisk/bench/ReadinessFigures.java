package org.georisk.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * (g) Readiness: each service stopped and started again the project's way; its figure is the time from its
 * process's start (the kernel's start time of the new pid) to the first 200 of /q/health/ready, polled every
 * 50 ms. Full mode restarts one service at a time (each starts alone, as after a crash); quick mode all four at
 * once, which is faster but has four JVMs share the cores (an upper bound).
 */
final class ReadinessFigures {

    private final BenchSettings s;
    private final ServiceControl control;
    private final Path logDir;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ReadinessFigures(BenchSettings s, ServiceControl control, Path logDir, PrintStream out) {
        this.s = s;
        this.control = control;
        this.logDir = logDir;
        this.out = out;
    }

    List<Figure> run() throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (s.readinessOneByOne) {
            for (String service : BenchSettings.SERVICES) {
                seconds.putAll(restart(List.of(service)));
            }
        } else {
            seconds.putAll(restart(BenchSettings.SERVICES));
        }
        List<Figure> figures = new ArrayList<>();
        seconds.forEach((service, secs) -> figures.add(Figure.of("ready." + service,
                        "process start → /q/health/ready UP" + (s.readinessOneByOne ? "" : " (all four restarted together)"),
                        secs, "s").below(5, "< 5 s")));
        return figures;
    }

    private Map<String, Double> restart(List<String> services) throws Exception {
        for (String service : services) {
            control.stop(service);
        }
        CompletableFuture<Void> started = control.startStopped(logDir.resolve("restart-" + services.size() + "-"
                + services.get(0) + ".log"));
        Map<String, CompletableFuture<Double>> ready = new LinkedHashMap<>();
        for (String service : services) {
            ready.put(service, CompletableFuture.supplyAsync(() -> {
                try {
                    return readySeconds(service);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }));
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Double>> e : ready.entrySet()) {
            result.put(e.getKey(), e.getValue().get(240, TimeUnit.SECONDS));
            out.printf(Locale.ROOT, "  %-21s ready %.2f s after its process started%n", e.getKey(), result.get(e.getKey()));
        }
        started.get(300, TimeUnit.SECONDS);
        return result;
    }

    private double readySeconds(String service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long pid;
        while ((pid = control.pid(service)) <= 0) {
            check(deadline, service + " has no process");
            // start-up is measured to 50 ms; this is that resolution
            Thread.sleep(50);
        }
        Instant processStart = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                .orElseThrow(() -> new IllegalStateException("no start time for pid of " + service));
        HttpRequest probe = HttpRequest.newBuilder(URI.create(control.url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(processStart, Instant.now()).toMillis() / 1000.0;
                }
            } catch (java.io.IOException notListeningYet) {
                // the port opens late in a Quarkus start
            }
            check(deadline, service + " is not ready");
            // start-up is measured to 50 ms; this is that resolution
            Thread.sleep(50);
        }
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " after 180 s");
        }
    }
}
