package org.georisk.assessment.service;

import org.georisk.contracts.GeoEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the pair keeps of one story: a function of the SET of its rows, never of their order. Its evidence takes the
 * best-covered row's mentions (the largest), not their sum: rows of one story are mostly the same articles coded
 * again, and summing them would count one report several times. Its Goldstein value is the most hostile reading
 * (the smallest); the largest is kept for the drivers' strength, which then never falls as rows arrive.
 *
 * @param lead the row shown as the story's driver: most mentions, then the smallest eventId
 */
public record StoryState(long rows, int maxMentions, double minGoldstein, double maxGoldstein, Lead lead) {

    /** The row that represents the story. */
    public record Lead(UUID eventId, int mentions, Instant occurredAt, String headline) {
    }

    private static final Comparator<Lead> LEAD_ORDER = Comparator.comparingInt(Lead::mentions).reversed()
            .thenComparing(l -> l.eventId().toString());

    public static StoryState first(GeoEvent e) {
        return new StoryState(1, e.mentions(), e.goldstein(), e.goldstein(), lead(e));
    }

    public StoryState with(GeoEvent e) {
        Lead candidate = lead(e);
        return new StoryState(rows + 1, Math.max(maxMentions, e.mentions()), Math.min(minGoldstein, e.goldstein()),
                Math.max(maxGoldstein, e.goldstein()),
                LEAD_ORDER.compare(candidate, lead) < 0 ? candidate : lead);
    }

    /** Evidence e = 1 + ln min(mentions, cap): more coverage counts, with diminishing returns. */
    public double evidence(ScoringParameters p) {
        return 1 + StrictMath.log(Math.min(maxMentions, p.mentionCap()));
    }

    /** Hostility x = (max(0, −G)/10)^γ of the most hostile reading (γ < 1: a diplomatic act counts, not only war). */
    public double hostility(ScoringParameters p) {
        return StrictMath.pow(Math.max(0, -minGoldstein) / 10, p.hostilityExponent());
    }

    public boolean cooperative() {
        return minGoldstein > 0;
    }

    /** The story's exact terms, dated at its day. */
    public Evidence terms(Instant day, ScoringParameters p) {
        double e = evidence(p);
        double weight = cooperative() ? p.cooperativeWeight() : 1;
        return Evidence.of(weight * e, e * hostility(p), day, p);
    }

    /** The summed terms of stories (as a store's range of them returns them), each dated at its day. */
    public static Evidence termsOf(List<Map.Entry<StoryKey, StoryState>> stories, ScoringParameters p) {
        Evidence sum = Evidence.ZERO;
        for (Map.Entry<StoryKey, StoryState> s : stories) {
            sum = sum.plus(s.getValue().terms(s.getKey().day(), p));
        }
        return sum;
    }

    /** |Goldstein| of the story as a driver: the stronger of its hostile and cooperative readings (never falls). */
    public double intensity() {
        return Math.max(Math.max(0, -minGoldstein), Math.max(0, maxGoldstein)) / 10;
    }

    private static Lead lead(GeoEvent e) {
        return new Lead(e.eventId(), e.mentions(), e.occurredAt(), e.headline());
    }
}
