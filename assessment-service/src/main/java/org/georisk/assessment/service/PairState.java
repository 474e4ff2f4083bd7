package org.georisk.assessment.service;

import org.georisk.contracts.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the stream keeps per pair in its pair-state store, besides its stories. Every field is a function of
 * the SET of events seen, never of their order: the sums are exact integers, {@code settled} is exactly the sum of
 * the stories dated at or before asOf − 7 days, {@code drivers} the five strongest stories by a total order. So any
 * arrival order ends in an identical state.
 *
 * @param categories the exact sums of the pair's stories, per category
 * @param settled    the sums of the stories dated ≤ asOf − 7 days (the baseline of trend7d)
 * @param drivers    the five strongest stories
 * @param eventCount distinct events (rows)
 * @param storyCount distinct stories
 * @param version    +1 per applied event
 * @param asOf       the latest event time
 */
public record PairState(Map<Category, Evidence> categories, Evidence settled, List<StoryDriver> drivers,
                        long eventCount, long storyCount, long version, Instant asOf) {

    public static final Duration TREND_WINDOW = Duration.ofDays(7);
    public static final int DRIVER_COUNT = 5;

    public static PairState empty() {
        return new PairState(new EnumMap<>(Category.class), Evidence.ZERO, List.of(), 0, 0, 0, null);
    }

    /** The asOf after an event at t: the later of the two. */
    public Instant asOfWith(Instant t) {
        return asOf == null || t.isAfter(asOf) ? t : asOf;
    }

    /** The trend window's lower edge: stories dated ≤ cutoff are settled, later ones recent. */
    public static Instant cutoff(Instant asOf) {
        return asOf.minus(TREND_WINDOW);
    }

    /**
     * The state after one more (new, valid) event.
     *
     * @param category   the event's story category
     * @param delta      the story's terms after the event minus before it
     * @param settledNow the story's delta when the story is already in the baseline (ZERO otherwise), plus the sums
     *                   of the stories that the event's later asOf moved into the baseline
     * @param driver     the story as a driver, with its new strength
     * @param newStory   whether the event started a story
     */
    public PairState with(Category category, Evidence delta, Evidence settledNow, StoryDriver driver, boolean newStory,
                          Instant eventTime) {
        Map<Category, Evidence> next = new EnumMap<>(Category.class);
        next.putAll(categories);
        next.merge(category, delta, Evidence::plus);

        List<StoryDriver> nextDrivers = new ArrayList<>(drivers.size() + 1);
        for (StoryDriver d : drivers) {
            if (!d.key().equals(driver.key())) {
                nextDrivers.add(d);
            }
        }
        if (driver.strength().signum() != 0) {
            nextDrivers.add(driver);
        }
        nextDrivers.sort(StoryDriver.BY_STRENGTH);
        if (nextDrivers.size() > DRIVER_COUNT) {
            nextDrivers = new ArrayList<>(nextDrivers.subList(0, DRIVER_COUNT));
        }
        return new PairState(next, settled.plus(settledNow), List.copyOf(nextDrivers), eventCount + 1,
                storyCount + (newStory ? 1 : 0), version + 1, asOfWith(eventTime));
    }

    /** All categories' sums together. */
    public Evidence total() {
        Evidence total = Evidence.ZERO;
        for (Evidence e : categories.values()) {
            total = total.plus(e);
        }
        return total;
    }
}
