-- The archive stores every event validation accepts: source and external_id are bounded by the validator
-- (georisk.ingest.limits.*, which an operator may raise), not by the column, so a raised limit can never make a
-- published event unstorable. From varchar to text is a catalogue change in PostgreSQL, no table rewrite.
-- pair stays VARCHAR(16): a pair key is two known actor codes (at most 11 characters, ArchiveBoundsTest).
ALTER TABLE event_archive ALTER COLUMN source TYPE TEXT;
ALTER TABLE event_archive ALTER COLUMN external_id TYPE TEXT;
