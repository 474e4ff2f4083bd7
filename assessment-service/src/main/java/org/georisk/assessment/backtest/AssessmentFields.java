package org.georisk.assessment.backtest;

import org.georisk.contracts.PairAssessment;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The model's components of a {@link PairAssessment} (acute, structural, escalation, salience, priority, storyCount)
 * read by name from the record, so the summary prints the ones this version of the contract has and ranks by
 * {@code priority} when it exists, like the service's lists, else by score.
 */
final class AssessmentFields {

    /** The components the summary prints when the record has them, in this order. */
    static final List<String> COMPONENTS = List.of("acute", "structural", "escalation", "salience", "priority");
    static final String PRIORITY = "priority";
    static final String STORY_COUNT = "storyCount";

    private static final Map<String, Method> ACCESSORS = new LinkedHashMap<>();

    static {
        for (RecordComponent c : PairAssessment.class.getRecordComponents()) {
            ACCESSORS.put(c.getName(), c.getAccessor());
        }
    }

    private AssessmentFields() {
    }

    /** The components this PairAssessment has, of {@link #COMPONENTS}. */
    static List<String> present() {
        return COMPONENTS.stream().filter(ACCESSORS::containsKey).toList();
    }

    static boolean has(String name) {
        return ACCESSORS.containsKey(name);
    }

    /** A numeric component's value; empty when the record has no such component. */
    static OptionalDouble number(PairAssessment a, String name) {
        Method accessor = ACCESSORS.get(name);
        if (accessor == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(((Number) accessor.invoke(a)).doubleValue());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PairAssessment." + name + " is not readable", e);
        }
    }

    /** The order of the service's lists: priority (when it exists) then score, highest first; then by pair. */
    static Comparator<PairAssessment> ranking() {
        Comparator<PairAssessment> byScore = Comparator.comparingDouble(PairAssessment::score).reversed();
        if (has(PRIORITY)) {
            Comparator<PairAssessment> byPriority =
                    Comparator.comparingDouble((PairAssessment a) -> number(a, PRIORITY).orElse(0)).reversed();
            byScore = byPriority.thenComparing(byScore);
        }
        return byScore.thenComparing(PairAssessment::pair);
    }

    /** The name of the ranking key, for the summary's heading. */
    static String rankedBy() {
        return has(PRIORITY) ? "priority, then score" : "score";
    }
}
