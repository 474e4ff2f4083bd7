package org.georisk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The eventIds the gateway acknowledged (202, or 200 for a duplicate; ACCEPTED and DUPLICATE lines of a bulk
 * result): the events GeoRisk promised to keep. Kept in memory when asked for (a crash test checks each later),
 * else only counted, since a 10-minute soak acknowledges some 600,000.
 */
public final class Acknowledged {

    private final boolean keepIds;
    private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    private final AtomicLong count = new AtomicLong();

    public Acknowledged(boolean keepIds) {
        this.keepIds = keepIds;
    }

    void add(String eventId) {
        count.incrementAndGet();
        if (keepIds) {
            ids.add(eventId);
        }
    }

    public long count() {
        return count.get();
    }

    /** One eventId a line, in the order the acknowledgements arrived; empty unless ids were kept. */
    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String id : ids) {
                out.write(id);
                out.write('\n');
            }
        }
    }
}
