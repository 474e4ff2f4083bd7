-- Each version's applied event (time and exact fixed-point term, signed: > 0 tension, < 0 cooperation), so that
-- trend7d at a later T (?at=T) is computed from the pair's rows of the week before T instead of a copy of the whole
-- trend window in every row (which grew with the pair's event rate). Rows written before this migration have NULLs
-- here; the rebuild (docs/scoring.md "Rebuild") fills them, as it rewrites every row whose sums changed.
ALTER TABLE assessment_history ADD COLUMN event_occurred_at TIMESTAMPTZ;
ALTER TABLE assessment_history ADD COLUMN event_term NUMERIC;

CREATE INDEX assessment_history_pair_event_time ON assessment_history (pair, event_occurred_at);
