package org.georisk.notification.service;

import org.georisk.contracts.BuiltInAlert;
import org.georisk.contracts.Category;
import org.georisk.contracts.Level;

import java.util.Map;

/**
 * What the evaluator knew of a pair before the assessment at hand.
 *
 * @param previousLevel          null when this is the pair's first assessment
 * @param previousCategoryScores empty for a first assessment (every category counts as 0)
 */
public record PairHistory(Level previousLevel, Map<Category, Double> previousCategoryScores) {

    public static PairHistory firstSeen() {
        return new PairHistory(null, Map.of());
    }

    public boolean isFirst() {
        return previousLevel == null;
    }

    /** The level to compare against: a pair never seen before counts as coming from LOW. */
    public Level levelBefore() {
        return BuiltInAlert.levelBefore(previousLevel);
    }

    public double categoryBefore(Category category) {
        return previousCategoryScores.getOrDefault(category, 0.0);
    }
}
