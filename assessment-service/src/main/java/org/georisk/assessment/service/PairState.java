package org.georisk.assessment.service;

import org.georisk.contracts.Category;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the stream keeps per pair in its pair-state store. Every field is a function of the SET of events seen,
 * never of their order: the sums are exact integers, {@code settled} is exactly the sum of the events with
 * t ≤ asOf − 7 days, {@code drivers} the five strongest by a total order. So any arrival order ends in an identical
 * state. The events of the last 7 days themselves are not kept here but in the recent-events store (one small
 * record each, stream.RecentWindow): this state stays the same size however many events a pair gets a day.
 *
 * @param sums       fixed-point tension and cooperation per category, against {@link DecayMath#REFERENCE}
 * @param settled    the sums of the events with t ≤ asOf − 7 days (the baseline of trend7d)
 * @param drivers    the five strongest contributions
 * @param eventCount distinct events
 * @param version    +1 per applied event
 * @param asOf       the latest event time
 */
public record PairState(Map<Category, CategorySums> sums, CategorySums settled, List<Contribution> drivers,
                        long eventCount, long version, Instant asOf) {

    public static final Duration TREND_WINDOW = Duration.ofDays(7);
    public static final int DRIVER_COUNT = 5;

    public static PairState empty() {
        return new PairState(new EnumMap<>(Category.class), CategorySums.ZERO, List.of(), 0, 0, null);
    }

    /** The asOf after an event at t: the later of the two. */
    public Instant asOfWith(Instant t) {
        return asOf == null || t.isAfter(asOf) ? t : asOf;
    }

    /** The trend window's lower edge: events with t ≤ cutoff are settled, later ones recent. */
    public static Instant cutoff(Instant asOf) {
        return asOf.minus(TREND_WINDOW);
    }

    /** Whether an event at t belongs to the trend window of a pair as of asOf. */
    public static boolean isRecent(Instant t, Instant asOf) {
        return t.isAfter(cutoff(asOf));
    }

    /**
     * The state after one more (new, valid) event.
     *
     * @param event      the event's contribution
     * @param leftWindow the sums of the recent events that the event's later asOf pushed out of the trend window
     *                   (ZERO when asOf did not move)
     */
    public PairState with(Contribution event, CategorySums leftWindow) {
        Map<Category, CategorySums> nextSums = new EnumMap<>(Category.class);
        nextSums.putAll(sums);
        nextSums.merge(event.category(), CategorySums.ZERO.add(event.term()), CategorySums::plus);

        Instant nextAsOf = asOfWith(event.occurredAt());
        CategorySums nextSettled = settled.plus(leftWindow);
        if (!isRecent(event.occurredAt(), nextAsOf)) {
            nextSettled = nextSettled.add(event.term());
        }

        List<Contribution> nextDrivers = new ArrayList<>(drivers);
        if (event.term().signum() != 0) {
            nextDrivers.add(event);
            nextDrivers.sort(Contribution.BY_STRENGTH);
            if (nextDrivers.size() > DRIVER_COUNT) {
                nextDrivers = new ArrayList<>(nextDrivers.subList(0, DRIVER_COUNT));
            }
        }
        return new PairState(nextSums, nextSettled, List.copyOf(nextDrivers), eventCount + 1, version + 1, nextAsOf);
    }

    /** All categories' sums together. */
    public CategorySums total() {
        CategorySums total = CategorySums.ZERO;
        for (CategorySums s : sums.values()) {
            total = total.plus(s);
        }
        return total;
    }

    /** An event's signed fixed-point term: its weight's magnitude decayed against R, with the weight's sign. */
    public static BigInteger signedTerm(double weight, Instant occurredAt, long halfLifeMillis) {
        BigInteger magnitude = DecayMath.term(Math.abs(weight), occurredAt, halfLifeMillis);
        return weight < 0 ? magnitude.negate() : magnitude;
    }
}
