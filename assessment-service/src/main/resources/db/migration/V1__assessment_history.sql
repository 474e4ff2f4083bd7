-- Every PairAssessment published on georisk.assessments, once per (pair, version).
-- payload is the assessment JSON exactly as published; sums the DecayedSums header (for ?at=T).
CREATE TABLE assessment_history (
    id          BIGSERIAL PRIMARY KEY,
    pair        VARCHAR(16)      NOT NULL,
    version     BIGINT           NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    level       VARCHAR(16)      NOT NULL,
    level_rank  SMALLINT         NOT NULL,
    as_of       TIMESTAMPTZ      NOT NULL,
    event_count BIGINT           NOT NULL,
    payload     TEXT             NOT NULL,
    sums        TEXT,
    recorded_at TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT assessment_history_pair_version UNIQUE (pair, version)
);

CREATE INDEX assessment_history_pair_as_of ON assessment_history (pair, as_of);
