package org.georisk.bench.crash;

import org.apache.kafka.common.TopicPartition;
import org.georisk.bench.EventLines;
import org.georisk.bench.KafkaLag;
import org.georisk.bench.LoadGenerator;
import org.georisk.bench.LoadResult;
import org.georisk.bench.ServiceControl;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code ./georisk crashtest}: a paced load through the gateway while each component in turn is killed with
 * SIGKILL and started again the project's way ({@link ServiceControl#startStopped}), then, once the load is over and
 * every consumer group's lag is 0, the checks against the log ({@link CrashChecks}) and the rebuild
 * ({@link RebuildCheck}). Blocking waits here are the instrument's own pacing, not a test's.
 */
public final class CrashTest {

    public static final String BROKER = "kafka";

    /**
     * @param kills      components killed in turn: service names, or {@link #BROKER}
     * @param warmup     load before the first kill
     * @param interval   from one kill to the next
     * @param tail       load after the last restart
     */
    public record Settings(String gateway, String bootstrap, String feedKey, String analystKey, double rate,
                           int linesPerRequest, List<String> kills, Duration warmup, Duration interval, Duration tail,
                           int cooldownMinutes, boolean rebuild, Path logDir) {

        /** The load's length when every restart is quicker than the interval. */
        Duration loadDuration() {
            return warmup.plus(interval.multipliedBy(Math.max(0, kills.size() - 1))).plus(tail);
        }
    }

    private static final List<String> SERVICES = List.of("ingest-service", "assessment-service",
            "notification-service", "api-gateway");

    private final Settings settings;
    private final ServiceControl control;
    private final LongSupplier brokerPid;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param brokerPid the broker's pid, or -1; when killed, {@link ServiceControl#startStopped} starts it again */
    public CrashTest(Settings settings, ServiceControl control, LongSupplier brokerPid, PrintStream out) {
        this.settings = settings;
        this.control = control;
        this.brokerPid = brokerPid;
        this.out = out;
    }

    public CrashReport run() throws Exception {
        Files.createDirectories(settings.logDir());
        CrashReport report = new CrashReport();
        GatewayApi api = new GatewayApi(settings.gateway(), settings.analystKey());
        LogAudit audit = new LogAudit(settings.bootstrap());
        Map<TopicPartition, Long> alertsFrom = audit.ends("georisk.alerts");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = api.subscribe("crashtest-" + Long.toString(System.currentTimeMillis(), 36),
                    receiver.url(), settings.cooldownMinutes());
            out.printf("crash test: %.0f events/s for at least %d s in %d-line requests, kill -9 in turn: %s; webhook %s "
                            + "(subscription %s, cooldown %d min)%n", settings.rate(),
                    settings.loadDuration().toSeconds(), settings.linesPerRequest(), settings.kills(), receiver.url(),
                    subscription, settings.cooldownMinutes());
            LoadGenerator load = new LoadGenerator(new LoadGenerator.Settings(settings.gateway(), settings.feedKey(),
                    settings.rate(), settings.linesPerRequest(), 16, Long.MAX_VALUE, Duration.ofHours(2),
                    Duration.ofSeconds(180), EventLines.newPrefix("crash"), true), out);
            CompletableFuture<LoadResult> loading = load.runInBackground();
            long start = System.nanoTime();
            for (int i = 0; i < settings.kills().size(); i++) {
                long due = start + settings.warmup().plus(settings.interval().multipliedBy(i)).toNanos();
                // pacing: each kill happens at its scheduled time under the running load
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                report.recoveries.add(killAndRestart(settings.kills().get(i), load, loading));
            }
            // The load runs until the last restart is over and the tail has passed, however long the restarts took,
            // so that every kill happens under load.
            Thread.sleep(settings.tail().toMillis());
            load.stop();
            report.load = loading.get();
            out.println("load: " + report.load.summary());
            long loadEnd = System.nanoTime();
            awaitLagZero();
            report.lagZeroSeconds = (System.nanoTime() - loadEnd) / 1e9;

            Path ids = settings.logDir().resolve("acknowledged.txt");
            load.acknowledged().write(ids);
            CrashChecks checks = new CrashChecks(audit, api, out);
            checks.events(Files.readAllLines(ids), report);
            checks.alerts(subscription, alertsFrom, receiver, report);
            api.unsubscribe(subscription);
            if (settings.rebuild()) {
                new RebuildCheck(audit, control, this::awaitAllReady, this::awaitLagZero, settings.logDir(), out)
                        .compare(report);
            }
        }
        return report;
    }

    private CrashReport.Recovery killAndRestart(String component, LoadGenerator load,
                                                CompletableFuture<LoadResult> loading) throws Exception {
        long pid = component.equals(BROKER) ? brokerPid.getAsLong() : control.pid(component);
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException(component + " is not running (pid " + pid + ")"));
        long t0 = System.nanoTime();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no offset commit
        process.onExit().get(30, TimeUnit.SECONDS);
        out.printf("killed %s (pid %d) with SIGKILL; starting it again%n", component, pid);
        control.startStopped(settings.logDir().resolve("start-after-" + component + ".log")).get(5, TimeUnit.MINUTES);
        awaitAllReady();
        double ready = (System.nanoTime() - t0) / 1e9;
        long acknowledgedAtReady = load.acknowledged().count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (load.acknowledged().count() == acknowledgedAtReady && !loading.isDone() && System.nanoTime() < deadline) {
            // pacing: the recovery is timed to 0.1 s, finer adds nothing
            Thread.sleep(100);
        }
        double acknowledging = (System.nanoTime() - t0) / 1e9;
        out.printf("  %s: every service ready after %.1f s, events acknowledged again after %.1f s%n", component,
                ready, acknowledging);
        return new CrashReport.Recovery(component, pid, ready, acknowledging);
    }

    /** Every service's /q/health/ready answers 200 (at most 5 minutes: a JVM start on a loaded 2-core machine). */
    void awaitAllReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        for (String service : SERVICES) {
            while (readyStatus(service) != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service + " is not ready 5 minutes after its restart");
                }
                // a restarting service answers within seconds; 200 ms keeps the measured recovery time that precise
                Thread.sleep(200);
            }
        }
    }

    private int readyStatus(String service) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(control.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Every consumer group's lag at 0 (at most 10 minutes), as the records its consumers would still read. */
    void awaitLagZero() throws Exception {
        Map<String, Long> lag = KafkaLag.awaitEveryGroupAtZero(settings.bootstrap(), Duration.ofMinutes(10));
        out.println("every consumer group's lag is 0: " + lag.keySet());
    }
}
