package org.georisk.assessment.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A story among the pair's strongest: its lead row and its strength, the exact acute term of e × |Goldstein|/10 at
 * its day. Every term decays by the same factor, so the order by strength is the same at every instant.
 *
 * @param hostile whether the story reads as hostile (its contribution is shown positive) or cooperative (negative)
 */
public record StoryDriver(StoryKey key, UUID eventId, String headline, Instant occurredAt, Fixed strength,
                          boolean hostile) {

    /** Strongest first, then by story key: a total order, so the kept five do not depend on arrival order. */
    public static final Comparator<StoryDriver> BY_STRENGTH = Comparator
            .comparing(StoryDriver::strength, Comparator.reverseOrder())
            .thenComparing(StoryDriver::key);

    public static StoryDriver of(StoryKey key, StoryState story, ScoringParameters p) {
        Fixed strength = DecayMath.term(story.evidence(p) * story.intensity(), key.day(), p.acuteMillis());
        return new StoryDriver(key, story.lead().eventId(), story.lead().headline(), story.lead().occurredAt(),
                strength, story.minGoldstein() < 0);
    }
}
