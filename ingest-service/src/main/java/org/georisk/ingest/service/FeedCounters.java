package org.georisk.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.georisk.ingest.repository.FeedRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry's per-feed counters (accepted, rejected, duplicates, last seen), summed in memory and written once
 * per {@code georisk.ingest.counter-flush} in one transaction, instead of an UPDATE of the feed's row on every
 * request (that update would be the hot path's only database write, and would serialise a feed's concurrent
 * requests on one row lock). The exact, per-request figures are the metrics ({@code georisk_ingest_events_total});
 * the registry's are what ops read in GET /feeds, at most one flush behind, and a kill -9 loses at most one flush
 * of them.
 */
@ApplicationScoped
public class FeedCounters {

    private record Pending(long accepted, long rejected, long duplicates, Instant lastSeen) {
        Pending plus(Pending o) {
            return new Pending(accepted + o.accepted, rejected + o.rejected, duplicates + o.duplicates,
                    o.lastSeen.isAfter(lastSeen) ? o.lastSeen : lastSeen);
        }
    }

    private final FeedRepository feeds;
    private final Clock clock = Clock.systemUTC();
    private Map<String, Pending> pending = new HashMap<>();

    public FeedCounters(FeedRepository feeds) {
        this.feeds = feeds;
    }

    public synchronized void add(String feed, long accepted, long rejected, long duplicates) {
        pending.merge(feed, new Pending(accepted, rejected, duplicates, clock.instant()), Pending::plus);
    }

    /** Writes what was counted since the last flush; on a database failure the counts are kept for the next one. */
    @Scheduled(every = "${georisk.ingest.counter-flush}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        Map<String, Pending> taken;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            taken = pending;
            pending = new HashMap<>();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> taken.forEach((feed, p) ->
                    feeds.count(feed, p.accepted, p.rejected, p.duplicates, p.lastSeen)));
        } catch (RuntimeException e) {
            synchronized (this) {
                taken.forEach((feed, p) -> pending.merge(feed, p, Pending::plus));
            }
            throw e;
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf("the feed counters of the last %s could not be written at shutdown: %s",
                    "flush interval", e.getMessage());
        }
    }
}
