-- Analyst and ops keys of the gateway. Feed keys live in ingest-service's feed registry.
-- Only the SHA-256 hex of a key is stored; the key itself is shown once, to whoever creates it.
CREATE TABLE api_key (
    id          BIGSERIAL PRIMARY KEY,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    role        VARCHAR(16)  NOT NULL CHECK (role IN ('ANALYST', 'OPS')),
    owner       VARCHAR(200) NOT NULL,
    revoked     BOOLEAN      NOT NULL DEFAULT FALSE,
    -- true for the development keys the local profile seeds; every other profile deletes them at start
    development BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
