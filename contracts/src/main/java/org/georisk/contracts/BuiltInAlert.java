package org.georisk.contracts;

import java.util.Optional;

/**
 * The alert rule every pair has without a subscription (notification-service raises it on every assessment): any
 * level change, a pair's first assessment counting as coming from LOW. Here, not in notification-service, so that
 * the backtest counts the alerts a run would have raised by the same rule.
 */
public final class BuiltInAlert {

    private BuiltInAlert() {
    }

    /** The level an assessment is compared with: the previous version's, LOW for a pair's first assessment. */
    public static Level levelBefore(Level previous) {
        return previous == null ? Level.LOW : previous;
    }

    /**
     * @param previous the level of the pair's previous version, null for its first assessment
     * @param now      the level of the assessment at hand
     * @return LEVEL_UP when it rose, LEVEL_DOWN when it fell, empty when it stayed
     */
    public static Optional<AlertKind> of(Level previous, Level now) {
        int cmp = now.compareTo(levelBefore(previous));
        if (cmp > 0) {
            return Optional.of(AlertKind.LEVEL_UP);
        }
        if (cmp < 0) {
            return Optional.of(AlertKind.LEVEL_DOWN);
        }
        return Optional.empty();
    }
}
