package org.georisk.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the benchmark's table: GeoRisk's value, Kafka's raw value beside it where there is one, their
 * ratio, the goal and whether this run met it. A step that failed leaves its figure with no value and the
 * error, so a missing figure is visible rather than absent.
 *
 * @param met null when the figure has no goal (the raw baselines) or no value
 */
public record Figure(String id, String what, Double value, String unit, Double raw, String rawWhat, Double ratio,
                     String goal, Boolean met, Map<String, Object> detail, String error) {

    public static Figure of(String id, String what, double value, String unit) {
        return new Figure(id, what, finite(value), unit, null, null, null, null, null, new LinkedHashMap<>(), null);
    }

    public static Figure failed(String id, String what, String unit, String error) {
        return new Figure(id, what, null, unit, null, null, null, null, false, new LinkedHashMap<>(), error);
    }

    /** Kafka's own figure for the same work; the ratio is value / raw. */
    public Figure against(double rawValue, String rawDescription) {
        Double r = finite(rawValue);
        Double q = value == null || r == null || r == 0 ? null : value / r;
        return new Figure(id, what, value, unit, r, rawDescription, q, goal, met, detail, error);
    }

    public Figure atLeast(double threshold, String goalText) {
        return withGoal(goalText, value != null && value >= threshold);
    }

    public Figure below(double threshold, String goalText) {
        return withGoal(goalText, value != null && value < threshold);
    }

    public Figure ratioAtLeast(double threshold) {
        return withGoal("ratio ≥ " + threshold, ratio != null && ratio >= threshold);
    }

    public Figure withGoal(String goalText, boolean goalMet) {
        return new Figure(id, what, value, unit, raw, rawWhat, ratio, goalText, value != null && goalMet, detail, error);
    }

    public Figure detail(String key, Object v) {
        detail.put(key, v instanceof Double d ? finite(d) : v);
        return this;
    }

    public Figure details(Map<String, ?> more) {
        more.forEach(this::detail);
        return this;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
