package org.georisk.assessment.service;

import org.georisk.contracts.Category;
import org.georisk.contracts.GeoEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * One story of a pair: the rows of the same UTC day, CAMEO code and category count as one story (GDELT codes the
 * same report from several articles as several rows). An event without a CAMEO code is a story of its own, keyed by
 * its eventId ({@code #<uuid>}).
 *
 * @param day the story's UTC day (midnight): the time its evidence is dated at, so a later row never moves it
 */
public record StoryKey(String pair, Instant day, String code, Category category) implements Comparable<StoryKey> {

    /** Sorts below and above every real code (real codes are digits or '#' + a UUID). */
    private static final String LOWEST = "";
    private static final String HIGHEST = "\uffff";

    private static final Comparator<StoryKey> ORDER = Comparator.comparing(StoryKey::pair)
            .thenComparing(StoryKey::day)
            .thenComparing(StoryKey::code)
            .thenComparing(k -> k.category == null ? -1 : k.category.ordinal());

    public static StoryKey of(String pair, GeoEvent event) {
        String code = event.cameoCode() != null ? event.cameoCode() : "#" + event.eventId();
        return new StoryKey(pair, event.occurredAt().truncatedTo(ChronoUnit.DAYS), code, event.category());
    }

    /** A bound below every story of the pair dated after {@code t}. */
    static StoryKey after(String pair, Instant t) {
        return new StoryKey(pair, t.plusNanos(1), LOWEST, null);
    }

    /** A bound above every story of the pair dated at or before {@code t}. */
    static StoryKey upTo(String pair, Instant t) {
        return new StoryKey(pair, t, HIGHEST, null);
    }

    @Override
    public int compareTo(StoryKey o) {
        return ORDER.compare(this, o);
    }
}
