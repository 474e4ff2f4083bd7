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
 * Everything the stream keeps per pair. Every field is a function of the SET of events seen, never of their order:
 * the sums are exact integers, {@code recent} holds exactly the events with t &gt; asOf − 7 days sorted by time,
 * {@code drivers} the five strongest by a total order. So any arrival order ends in an identical state.
 *
 * @param sums       fixed-point tension and cooperation per category, against {@link DecayMath#REFERENCE}
 * @param recent     the events of the last 7 days before asOf (for trend7d: the baseline is sums minus these)
 * @param drivers    the five strongest contributions
 * @param eventCount distinct events
 * @param version    +1 per applied event
 * @param asOf       the latest event time
 */
public record PairState(Map<Category, CategorySums> sums, List<Contribution> recent, List<Contribution> drivers,
                        long eventCount, long version, Instant asOf) {

    public static final Duration TREND_WINDOW = Duration.ofDays(7);
    public static final int DRIVER_COUNT = 5;

    public static PairState empty() {
        return new PairState(new EnumMap<>(Category.class), List.of(), List.of(), 0, 0, null);
    }

    /** The state after one more (new, valid) event with the given signed term. */
    public PairState with(Contribution event) {
        Map<Category, CategorySums> nextSums = new EnumMap<>(Category.class);
        nextSums.putAll(sums);
        nextSums.merge(event.category(), CategorySums.ZERO.add(event.term()), CategorySums::plus);

        Instant nextAsOf = asOf == null || event.occurredAt().isAfter(asOf) ? event.occurredAt() : asOf;
        Instant cutoff = nextAsOf.minus(TREND_WINDOW);
        List<Contribution> nextRecent = new ArrayList<>(recent.size() + 1);
        for (Contribution c : recent) {
            if (c.occurredAt().isAfter(cutoff)) {
                nextRecent.add(c);
            }
        }
        if (event.occurredAt().isAfter(cutoff)) {
            nextRecent.add(new Contribution(event.eventId(), event.occurredAt(), event.category(), event.term(), null));
        }
        nextRecent.sort(Contribution.BY_TIME);

        List<Contribution> nextDrivers = new ArrayList<>(drivers);
        if (event.term().signum() != 0) {
            nextDrivers.add(event);
            nextDrivers.sort(Contribution.BY_STRENGTH);
            if (nextDrivers.size() > DRIVER_COUNT) {
                nextDrivers = new ArrayList<>(nextDrivers.subList(0, DRIVER_COUNT));
            }
        }
        return new PairState(nextSums, List.copyOf(nextRecent), List.copyOf(nextDrivers),
                eventCount + 1, version + 1, nextAsOf);
    }

    /** All categories' sums together. */
    public CategorySums total() {
        CategorySums total = CategorySums.ZERO;
        for (CategorySums s : sums.values()) {
            total = total.plus(s);
        }
        return total;
    }

    /** The sums of the events with t ≤ asOf − 7 days (all events minus the recent ones). */
    public CategorySums baseline() {
        CategorySums baseline = total();
        for (Contribution c : recent) {
            baseline = baseline.subtract(c.term());
        }
        return baseline;
    }

    /** An event's signed fixed-point term: its weight's magnitude decayed against R, with the weight's sign. */
    public static BigInteger signedTerm(double weight, Instant occurredAt, long halfLifeMillis) {
        BigInteger magnitude = DecayMath.term(Math.abs(weight), occurredAt, halfLifeMillis);
        return weight < 0 ? magnitude.negate() : magnitude;
    }
}
