package org.georisk.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Bulk ingest through the gateway (bench/bulk-ingest.sh): N valid events as NDJSON requests of at most 10,000 lines,
 * P requests in flight, with the {@link LoadGenerator}; prints accepted events per wall second.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* org.georisk.bench.BulkIngest &lt;events&gt; &lt;posters&gt; &lt;linesPerRequest&gt; &lt;gateway&gt; &lt;feedKey&gt; &lt;timeoutSeconds&gt; [ackFile]</pre>
 */
public final class BulkIngest {

    private BulkIngest() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        int posters = Integer.parseInt(args[1]);
        int lines = Math.min(10_000, Integer.parseInt(args[2]));
        LoadGenerator.Settings settings = LoadGenerator.Settings.count(args[3], args[4], events, lines, posters,
                Duration.ofSeconds(Long.parseLong(args[5])));
        if (args.length > 6) {
            settings = settings.keepingIds();
        }
        System.out.printf(Locale.ROOT, "posting %d events in requests of <= %d lines, %d in flight (externalId prefix %s)%n",
                events, lines, posters, settings.idPrefix());
        LoadGenerator generator = new LoadGenerator(settings, System.out);
        LoadResult r = generator.run();
        if (args.length > 6) {
            generator.acknowledged().write(java.nio.file.Path.of(args[6]));
        }
        System.out.printf(Locale.ROOT, "RESULT bulk-ingest posters=%d lines/request=%d%n", posters, lines);
        System.out.println("  " + r.summary());
        System.out.printf(Locale.ROOT, "  throughput       %.0f accepted events/s%n", r.acceptedPerSecond());
        boolean ok = r.accepted() == events && r.unacknowledged() == 0 && r.rejected() == 0;
        System.out.println("  check            " + (ok ? "OK: every event accepted" : "MISMATCH: not every event accepted"));
        System.exit(ok ? 0 : 1);
    }
}
