-- The second scoring model (docs/scoring.md): each version changes one story's four exact terms (acute and structural
-- evidence and hostile evidence), dated at the story's UTC day. trend7d at a later T (?at=T) sums the changes of the
-- stories dated in the week before T. priority is the ranking key of the assessment list.
-- Rows written by the first model have NULL terms; the rebuild that the new model needs rewrites every row.
ALTER TABLE assessment_history DROP COLUMN event_term;
ALTER TABLE assessment_history RENAME COLUMN event_occurred_at TO story_day;
ALTER TABLE assessment_history ADD COLUMN delta_acute_evidence NUMERIC;
ALTER TABLE assessment_history ADD COLUMN delta_acute_hostile NUMERIC;
ALTER TABLE assessment_history ADD COLUMN delta_structural_evidence NUMERIC;
ALTER TABLE assessment_history ADD COLUMN delta_structural_hostile NUMERIC;
ALTER TABLE assessment_history ADD COLUMN priority DOUBLE PRECISION;
UPDATE assessment_history SET priority = score;
ALTER TABLE assessment_history ALTER COLUMN priority SET NOT NULL;
ALTER INDEX assessment_history_pair_event_time RENAME TO assessment_history_pair_story_day;
