package org.georisk.bench.storm;

import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./georisk storm}: N hostile requests on every public path of the gateway, paced, a few in flight; then
 * every service's readiness and the records the storm left on georisk.events. The verdict is about robustness
 * (no 5xx, no dropped connection, nothing unhealthy, nothing hostile published); which 4xx each case gets is
 * printed, not judged.
 *
 * <p>Paced under the gateway's per-key rate limit (50 requests/s in the local profile): a storm answered 429 would
 * never reach the parsers it is meant to hit.
 */
public final class Storm {

    /**
     * @param services name → base URL of each service whose readiness is checked afterwards
     * @param perSecond requests per second (all keys together)
     */
    public record Settings(String gateway, Map<String, String> services, String bootstrap, String feedKey,
                           String analystKey, String opsKey, int requests, double perSecond, int inFlight) {
    }

    private final Settings settings;
    private final PrintStream out;

    public Storm(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public StormReport run() throws InterruptedException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String marker = "storm" + run;
        String calmMarker = "calm" + run;
        HostileRequests catalogue = new HostileRequests(new HostileBodies(marker, calmMarker),
                new HostileRequests.Keys(settings.feedKey(), settings.analystKey(), settings.opsKey()));
        List<HostileRequests.Planned> plan = catalogue.plan(settings.requests());
        out.printf("storm: %d requests over %d cases at %.0f/s, markers %s and %s%n", plan.size(),
                catalogue.cases().size(), settings.perSecond(), marker, calmMarker);

        MarkerScan scan = new MarkerScan(settings.bootstrap(), "georisk.events");
        Map<TopicPartition, Long> before = scan.endOffsets();
        URI gateway = URI.create(settings.gateway());
        String hostPort = gateway.getHost() + ":" + gateway.getPort();
        ExecutorService senders = Executors.newFixedThreadPool(settings.inFlight(), daemon("storm-send"));
        ExecutorService readers = Executors.newCachedThreadPool(daemon("storm-read"));
        RawHttp http = new RawHttp(gateway.getHost(), gateway.getPort(), 60_000, readers);
        StormReport report = new StormReport();
        Semaphore inFlight = new Semaphore(settings.inFlight());
        long start = System.nanoTime();
        for (int k = 0; k < plan.size(); k++) {
            long due = start + (long) (k * 1e9 / settings.perSecond());
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            inFlight.acquire();
            HostileRequests.Planned planned = plan.get(k);
            senders.execute(() -> {
                try {
                    HostileRequest request = planned.build();
                    report.record(request, http.send(request.head(hostPort), request.body()));
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(settings.inFlight());
        double seconds = (System.nanoTime() - start) / 1e9;
        senders.shutdownNow();
        readers.shutdownNow();
        report.finish(plan.size(), seconds, unready(), scan.findings(before, marker, calmMarker));
        return report;
    }

    /** Services whose /q/health/ready is not 200 within 30 s of the storm's end (a slow GC is not a failure). */
    private List<String> unready() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<String> unready = new ArrayList<>();
        for (Map.Entry<String, String> service : settings.services().entrySet()) {
            String last = "no answer";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create(service.getValue() + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        last = null;
                        break;
                    }
                    last = "HTTP " + r.statusCode() + " " + r.body();
                } catch (java.io.IOException e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                // readiness returns within seconds; polling twice a second keeps the storm's own load off it
                Thread.sleep(500);
            }
            if (last != null) {
                unready.add(service.getKey() + ": " + last);
            }
        }
        return unready;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
