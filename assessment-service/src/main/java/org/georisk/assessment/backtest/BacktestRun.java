package org.georisk.assessment.backtest;

import org.georisk.contracts.AlertKind;
import org.georisk.contracts.PairAssessment;

import java.time.Instant;
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

    public long alertCount() {
        return alerts.values().stream().mapToLong(Long::longValue).sum();
    }
}
