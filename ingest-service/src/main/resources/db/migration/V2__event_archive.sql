-- Every event of georisk.events once (idempotent on event_id), filled by the archive consumer.
CREATE TABLE event_archive (
    event_id    UUID         PRIMARY KEY,
    pair        VARCHAR(16)  NOT NULL,
    source      VARCHAR(100) NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    archived_at TIMESTAMPTZ  NOT NULL,
    payload     TEXT         NOT NULL
);
-- GET /events?pair=&from=&to= newest first
CREATE INDEX event_archive_pair_time ON event_archive (pair, occurred_at DESC, event_id DESC);
CREATE INDEX event_archive_time ON event_archive (occurred_at DESC, event_id DESC);
