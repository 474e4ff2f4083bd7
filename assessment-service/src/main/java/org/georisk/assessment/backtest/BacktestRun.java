package org.georisk.assessment.backtest;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.PairAssessment;
import org.georisk.contracts.PairKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a backtest: every pair's latest assessment (by pair key), what was read, and the built-in alerts
 * the run would have raised.
 *
 * @param latest the latest assessment of every pair, sorted by pair key; decayed to {@code at} when given
 * @param counts files and rows read and what became of them
 * @param alerts built-in alerts by kind (LEVEL_UP, LEVEL_DOWN), in the order the events were scored
 * @param at     the instant the assessments are reported at, or empty for each pair's own asOf
 */
public record BacktestRun(Map<String, PairAssessment> latest, RowCounts counts, Map<AlertKind, Long> alerts,
                          Optional<Instant> at) {

    /** A pair of one country with itself (a one-actor event's key, e.g. USA-USA). */
    public static boolean isDomestic(String pair) {
        List<String> actors = PairKey.actors(pair);
        return actors.get(0).equals(actors.get(1));
    }

    public long alertCount() {
        return alerts.values().stream().mapToLong(Long::longValue).sum();
    }
}
