package org.georisk.systest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** samples/seed-events.ndjson, the sample feed that {@code ./georisk start} loads, as the tests read it. */
final class SeedFeed {

    final Path file;
    final String text;
    /** The non-blank lines, parsed. */
    final List<JsonNode> events = new ArrayList<>();

    SeedFeed(Path root) {
        file = root.resolve("samples/seed-events.ndjson");
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample feed " + file + " is missing", e);
        }
        text.lines().filter(l -> !l.isBlank()).map(Gateway::parse).forEach(events::add);
    }

    /** The events of one pair, e.g. "AZE-RUS" (actors in either order). */
    List<JsonNode> ofPair(String pair) {
        Set<String> actors = new TreeSet<>(List.of(pair.split("-")));
        return events.stream()
                .filter(e -> {
                    String actor1 = e.path("actor1").asText();
                    // A domestic event (no actor2) belongs to ARM-ARM.
                    return actors.equals(new TreeSet<>(List.of(actor1, e.path("actor2").asText(actor1))));
                })
                .toList();
    }

    /** The latest event time of a pair's events. */
    Instant latest(String pair) {
        return ofPair(pair).stream().map(e -> Instant.parse(e.path("occurredAt").asText()))
                .max(Instant::compareTo).orElseThrow(() -> new AssertionError("no " + pair + " event in " + file));
    }

    /**
     * A new event of this test run with a unique externalId, as the JSON a feed posts. No {@code source}: ingest
     * takes the posting feed's name (the development feed of dev-feed-key).
     */
    static String event(String externalId, Instant occurredAt, String actor1, String actor2, String cameoCode,
                        String headline) {
        return """
                {"externalId":"%s","occurredAt":"%s","actor1":"%s","actor2":"%s",\
                "cameoCode":"%s","mentions":3,"headline":"%s"}""".formatted(externalId, occurredAt, actor1, actor2,
                cameoCode, headline);
    }
}
