package org.georisk.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts known, unique events ({@link EventLines}) through the gateway at a steady rate, as single
 * {@code application/json} POSTs (linesPerRequest 1) or NDJSON bulks, with at most {@code connections} requests in
 * flight. Every acknowledged eventId is recorded ({@link Acknowledged}). A failed request (429 with its Retry-After,
 * 5xx, a connection error) is sent again with the same events under the same externalIds, up to
 * {@value #MAX_ATTEMPTS} attempts, so nothing is posted twice as two events.
 *
 * <p>Open model: request k is due at start + k·lines/rate whatever the answers; when every connection is busy
 * the sender falls behind and catches up later, and reports how far behind it fell (then the rate asked for was
 * not offered). Rate 0 sends as fast as the connections allow. One sender thread and two HTTP threads: the
 * generator shares two cores with the system it measures.
 */
public final class LoadGenerator {

    /**
     * @param eventsPerSecond 0: unpaced
     * @param maxEvents       new events to send at most (Long.MAX_VALUE: until {@code duration} ends)
     * @param duration        how long to send new events
     * @param drainTimeout    how long to wait afterwards for answers and retries
     */
    public record Settings(String gateway, String feedKey, double eventsPerSecond, int linesPerRequest,
                           int connections, long maxEvents, Duration duration, Duration drainTimeout,
                           String idPrefix, boolean keepIds) {

        /** R events/s for a while, in requests of L lines. */
        public static Settings paced(String gateway, String feedKey, double rate, int lines, int connections,
                                     Duration duration) {
            return new Settings(gateway, feedKey, rate, lines, connections, Long.MAX_VALUE, duration,
                    Duration.ofSeconds(60), EventLines.newPrefix("load"), false);
        }

        /** N events as fast as C connections take them, within a time limit. */
        public static Settings count(String gateway, String feedKey, long events, int lines, int connections,
                                     Duration limit) {
            return new Settings(gateway, feedKey, 0, lines, connections, events, limit, Duration.ofSeconds(120),
                    EventLines.newPrefix("bulk"), false);
        }

        public Settings keepingIds() {
            return new Settings(gateway, feedKey, eventsPerSecond, linesPerRequest, connections, maxEvents, duration,
                    drainTimeout, idPrefix, true);
        }
    }

    static final int MAX_ATTEMPTS = 20;
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern LINE = Pattern.compile(
            "\"status\"\\s*:\\s*\"([A-Z]+)\"(?:\\s*,\\s*\"eventId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\")?");

    private record Batch(long first, int count, int attempt) { }

    private record Retry(Batch batch, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Retry) o).dueNanos);
        }
    }

    private final Settings settings;
    private final EventLines events;
    private final Acknowledged acknowledged;
    private final PrintStream log;
    private final URI uri;
    private final boolean bulk;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "load-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final Semaphore permits;
    private final DelayQueue<Retry> retries = new DelayQueue<>();
    private final MillisHistogram requestTimes = new MillisHistogram();
    private final AtomicLong sent = new AtomicLong(), pending = new AtomicLong(), accepted = new AtomicLong(),
            duplicates = new AtomicLong(), rejected = new AtomicLong(), unacknowledged = new AtomicLong(),
            requests = new AtomicLong(), retried = new AtomicLong(), throttled = new AtomicLong(),
            serverErrors = new AtomicLong(), connectionErrors = new AtomicLong();
    private volatile boolean stopRequested;
    private volatile String firstRefusal;

    public LoadGenerator(Settings settings, PrintStream log) {
        this.settings = settings;
        this.events = new EventLines(settings.idPrefix());
        this.acknowledged = new Acknowledged(settings.keepIds());
        this.log = log;
        this.uri = URI.create(settings.gateway() + "/api/v1/events");
        this.bulk = settings.linesPerRequest() > 1;
        this.permits = new Semaphore(settings.connections());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Acknowledged acknowledged() {
        return acknowledged;
    }

    /** Ends the sending of new events (answers and retries are still waited for). */
    public void stop() {
        stopRequested = true;
    }

    /** {@link #run()} on a thread of the common pool, for a caller that does other things under the load. */
    public CompletableFuture<LoadResult> runInBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sends until maxEvents or the duration or {@link #stop()}, then drains; blocks the calling thread. */
    public LoadResult run() throws InterruptedException {
        long start = System.nanoTime();
        long sendEnd = start + settings.duration().toNanos();
        double rate = settings.eventsPerSecond();
        long next = 0;
        long behind = 0;
        while (true) {
            Retry retry = retries.poll();
            if (retry != null) {
                permits.acquire();
                send(retry.batch());
                continue;
            }
            long now = System.nanoTime();
            if (stopRequested || next >= settings.maxEvents() || now >= sendEnd) {
                break;
            }
            if (rate > 0) {
                long due = start + (long) (next * 1e9 / rate);
                if (due > now) {
                    LockSupport.parkNanos(Math.min(due - now, 2_000_000));
                    continue;
                }
                behind = Math.max(behind, now - due);
            }
            if (!permits.tryAcquire(2, TimeUnit.MILLISECONDS)) {
                continue;
            }
            int count = (int) Math.min(settings.linesPerRequest(), settings.maxEvents() - next);
            sent.addAndGet(count);
            pending.addAndGet(count);
            send(new Batch(next, count, 1));
            next += count;
        }
        long sendStop = System.nanoTime();
        drain(sendStop + settings.drainTimeout().toNanos());
        long end = System.nanoTime();
        unacknowledged.addAndGet(pending.getAndSet(0)); // still in flight or waiting for a retry
        if (firstRefusal != null && log != null) {
            log.println("  first refusal: " + firstRefusal);
        }
        httpThreads.shutdownNow();
        return new LoadResult(sent.get(), acknowledged.count(), accepted.get(), duplicates.get(), rejected.get(),
                unacknowledged.get(), requests.get(), retried.get(), throttled.get(), serverErrors.get(),
                connectionErrors.get(), (sendStop - start) / 1e9, (end - start) / 1e9,
                requestTimes.percentile(50), requestTimes.percentile(99), behind / 1e6);
    }

    private void drain(long deadline) throws InterruptedException {
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Retry retry = retries.poll(5, TimeUnit.MILLISECONDS);
            if (retry != null) {
                if (permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    send(retry.batch());
                } else {
                    retries.add(retry);
                }
            }
        }
    }

    private void send(Batch batch) {
        String body = bulk ? events.ndjson(batch.first(), batch.count()) : events.json(batch.first());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(bulk ? 180 : 30))
                .header("Content-Type", bulk ? "application/x-ndjson" : "application/json")
                .header("X-API-Key", settings.feedKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        requests.incrementAndGet();
        long t0 = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            requestTimes.record(System.nanoTime() - t0);
            permits.release();
            if (error != null) {
                connectionErrors.incrementAndGet();
                retryLater(batch, 1);
            } else {
                handle(batch, response);
            }
        });
    }

    private void handle(Batch batch, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200 || status == 202) {
            if (bulk) {
                countLines(response.body());
            } else {
                Matcher m = EVENT_ID.matcher(response.body());
                if (m.find()) {
                    (status == 202 ? accepted : duplicates).incrementAndGet();
                    acknowledged.add(m.group(1));
                } else {
                    refused(batch, status, response.body());
                    return;
                }
            }
            pending.addAndGet(-batch.count());
        } else if (status == 429 || status >= 500) {
            (status == 429 ? throttled : serverErrors).incrementAndGet();
            long seconds = response.headers().firstValue("Retry-After").map(LoadGenerator::seconds).orElse(1L);
            retryLater(batch, seconds);
        } else {
            refused(batch, status, response.body());
        }
    }

    /** ACCEPTED and DUPLICATE lines carry the eventId; REJECTED lines are invalid events, not retried. */
    private void countLines(String body) {
        Matcher m = LINE.matcher(body);
        while (m.find()) {
            switch (m.group(1)) {
                case "ACCEPTED" -> {
                    accepted.incrementAndGet();
                    acknowledged.add(m.group(2));
                }
                case "DUPLICATE" -> {
                    duplicates.incrementAndGet();
                    acknowledged.add(m.group(2));
                }
                case "REJECTED" -> rejected.incrementAndGet();
                default -> { }
            }
        }
        if (rejected.get() > 0 && firstRefusal == null) {
            int i = body.indexOf("\"REJECTED\"");
            firstRefusal = "a line REJECTED: " + clip(body.substring(Math.max(0, i - 40)));
        }
    }

    private void refused(Batch batch, int status, String body) {
        if (firstRefusal == null) {
            firstRefusal = "HTTP " + status + ": " + clip(body);
        }
        unacknowledged.addAndGet(batch.count());
        pending.addAndGet(-batch.count());
    }

    private void retryLater(Batch batch, long seconds) {
        if (batch.attempt() >= MAX_ATTEMPTS) {
            unacknowledged.addAndGet(batch.count());
            pending.addAndGet(-batch.count());
            return;
        }
        retried.incrementAndGet();
        retries.add(new Retry(new Batch(batch.first(), batch.count(), batch.attempt() + 1),
                System.nanoTime() + Math.min(30, Math.max(0, seconds)) * 1_000_000_000L));
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
