package org.georisk.bench.crash;

import org.georisk.bench.KafkaLag;

import org.apache.kafka.common.TopicPartition;
import org.georisk.bench.EventLines;
import org.georisk.bench.LoadGenerator;
import org.georisk.bench.LoadResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The failover test of the local cluster (docs/scaling.md): a paced load through the gateway's one address while,
 * step by step, a process of each kind is killed with SIGKILL and not started again, so its peers must take over.
 * Each step is timed from the kill until every consumer group has done all the work that was waiting at the kill
 * ({@link GroupProgress}); the longest pause in acknowledgements is reported beside it. Afterwards the crash test's
 * own checks ({@link CrashChecks}: nothing lost or counted twice, every webhook alert exactly once) and the
 * {@link QueryProbe}'s verdict. Blocking waits here are the instrument's own pacing, not a test's.
 */
public final class ClusterFailover {

    /** One step: what is killed at once (pids read at the kill), and the query targets that die with it. */
    public record Kill(String label, List<LongSupplier> pids, List<String> queryTargetsKilled) { }

    public record Settings(String gateway, String bootstrap, String feedKey, String analystKey, double rate,
                           int linesPerRequest, List<Kill> kills, Duration warmup, Duration interval, Duration tail,
                           List<QueryProbe.Target> queryTargets, Path logDir) { }

    /**
     * One step's figures: seconds from the kill until every group caught up (-1: not within {@link #CATCH_UP_LIMIT},
     * the next step then starts anyway), and the longest acknowledgement gap. Figures, not verdicts: the verdicts are
     * the checks after the load, once every group's lag is 0.
     */
    public record Failover(String label, double caughtUpSeconds, double longestAckPauseSeconds,
                           Map<String, Integer> behindAfterKill) { }

    /** What the run found; {@link #checks} holds the crash test's verdicts on events and webhook alerts. */
    public record Report(LoadResult load, List<Failover> failovers, CrashReport checks, Set<String> subscriptionAlertIds,
                         QueryProbe probe, double lagZeroSeconds) {

        public boolean passed() {
            return checks.passed() && probe.wrong().isEmpty();
        }

        public void print(PrintStream out) {
            out.println();
            out.println("cluster failover test");
            out.println("  load                  " + (load == null ? "-" : load.summary()));
            for (Failover f : failovers) {
                out.printf("  kill -9 %-34s every group caught up %s; longest pause in acknowledgements "
                        + "%4.1f s; groups behind just after the kill: %s%n", f.label(), f.caughtUpSeconds() < 0
                        ? "not within " + CATCH_UP_LIMIT.toSeconds() + " s" : String.format(java.util.Locale.ROOT,
                        "after %5.1f s", f.caughtUpSeconds()), f.longestAckPauseSeconds(), f.behindAfterKill());
            }
            out.printf("  lag 0 in every group  %.1f s after the load ended%n", lagZeroSeconds);
            out.println("  events acknowledged   " + checks.acknowledged + ", lost " + checks.lost() + ", counted twice "
                    + checks.countedTwice() + ", published twice " + checks.publishedTwice);
            out.println("  webhook alerts        " + checks.subscriptionAlerts + " raised, delivered twice "
                    + checks.deliveredTwice.size() + ", not delivered " + checks.notDelivered.size());
            out.println("  queries               answered " + probe.answered() + "; 5xx or refused "
                    + probe.unavailable() + ", longest stretch (s) " + probe.longestUnavailableSeconds()
                    + "; wrong " + probe.wrong().size() + (probe.wrong().isEmpty() ? "" : " e.g. "
                    + probe.wrong().subList(0, Math.min(5, probe.wrong().size()))));
            out.println(passed() ? "CLUSTER FAILOVER PASSED" : "CLUSTER FAILOVER FAILED");
        }
    }

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final Settings settings;
    private final PrintStream out;

    public ClusterFailover(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Report run() throws Exception {
        Files.createDirectories(settings.logDir());
        GatewayApi api = new GatewayApi(settings.gateway(), settings.analystKey());
        LogAudit audit = new LogAudit(settings.bootstrap());
        Map<TopicPartition, Long> alertsFrom = audit.ends("georisk.alerts");
        CrashReport checks = new CrashReport();
        List<Failover> failovers = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver(); GroupProgress progress = new GroupProgress(settings.bootstrap())) {
            String subscription = api.subscribe("failover-" + Long.toString(System.currentTimeMillis(), 36),
                    receiver.url(), 60);
            LoadGenerator load = new LoadGenerator(new LoadGenerator.Settings(settings.gateway(), settings.feedKey(),
                    settings.rate(), settings.linesPerRequest(), 16, Long.MAX_VALUE, Duration.ofHours(2),
                    Duration.ofSeconds(180), EventLines.newPrefix("failover"), true), out);
            CompletableFuture<LoadResult> loading = load.runInBackground();
            long start = System.nanoTime();
            Thread.sleep(settings.warmup().toMillis());
            List<String> pairs = new ArrayList<>(api.assessments().keySet()).subList(0,
                    Math.min(3, api.assessments().size()));
            out.println("failover: probing queries for " + pairs + " at " + settings.queryTargets().stream()
                    .map(QueryProbe.Target::name).toList());
            QueryProbe probe = new QueryProbe(settings.queryTargets(), pairs);
            for (int i = 0; i < settings.kills().size(); i++) {
                long due = start + settings.warmup().plus(settings.interval().multipliedBy(i)).toNanos();
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                failovers.add(killAndTime(settings.kills().get(i), load, progress, probe));
            }
            Thread.sleep(settings.tail().toMillis());
            load.stop();
            LoadResult result = loading.get();
            out.println("load: " + result.summary());
            long loadEnd = System.nanoTime();
            awaitLagZero();
            double lagZero = (System.nanoTime() - loadEnd) / 1e9;
            probe.close();

            Path ids = settings.logDir().resolve("acknowledged.txt");
            load.acknowledged().write(ids);
            CrashChecks crashChecks = new CrashChecks(audit, api, out);
            crashChecks.events(Files.readAllLines(ids), checks);
            crashChecks.alerts(subscription, alertsFrom, receiver, checks);
            Set<String> alertIds = new HashSet<>();
            audit.alerts(alertsFrom).byId().forEach((id, a) -> {
                if (subscription.equals(a.path("subscriptionId").asText())) {
                    alertIds.add(id);
                }
            });
            api.unsubscribe(subscription);
            return new Report(result, failovers, checks, alertIds, probe, lagZero);
        }
    }

    private Failover killAndTime(Kill kill, LoadGenerator load, GroupProgress progress, QueryProbe probe)
            throws Exception {
        GroupProgress.Snapshot before = progress.snapshot();
        kill.queryTargetsKilled().forEach(probe::retire);
        long t0 = System.nanoTime();
        List<ProcessHandle> victims = new ArrayList<>();
        for (LongSupplier pid : kill.pids()) {
            long p = pid.getAsLong();
            victims.add(ProcessHandle.of(p).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException(kill.label() + ": pid " + p + " is not running")));
        }
        victims.forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook, no leave-group, no commit
        for (ProcessHandle v : victims) {
            v.onExit().get(30, TimeUnit.SECONDS);
        }
        out.printf("killed %s (pids %s) with SIGKILL; its peers take over%n", kill.label(),
                victims.stream().map(ProcessHandle::pid).toList());
        Map<String, Integer> behindAfterKill = progress.behind(before);
        long lastAckChange = System.nanoTime();
        long acks = load.acknowledged().count();
        double longestPause = 0;
        Map<String, Integer> behind = behindAfterKill;
        long deadline = t0 + CATCH_UP_LIMIT.toNanos();
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = System.nanoTime();
            long count = load.acknowledged().count();
            if (count != acks) {
                acks = count;
                lastAckChange = now;
            }
            longestPause = Math.max(longestPause, (now - lastAckChange) / 1e9);
            behind = progress.behind(before);
        }
        double caughtUp = behind.isEmpty() ? (System.nanoTime() - t0) / 1e9 : -1;
        out.printf("  %s: every group caught up after %.1f s (still behind: %s); longest pause in acknowledgements "
                + "%.1f s%n", kill.label(), caughtUp, behind, longestPause);
        return new Failover(kill.label(), caughtUp, longestPause, behindAfterKill);
    }

    /** Every consumer group's lag at 0 (at most 5 minutes), as the records its consumers would still read. */
    private void awaitLagZero() throws Exception {
        Map<String, Long> lag = KafkaLag.awaitEveryGroupAtZero(settings.bootstrap(), Duration.ofMinutes(5));
        out.println("every consumer group's lag is 0: " + lag.keySet());
    }
}
