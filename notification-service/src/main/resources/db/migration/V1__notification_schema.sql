-- Subscriptions: filters and rules of one owner; the webhook secret is kept because every delivery is signed with it.
create table subscription (
    id               uuid primary key,
    owner            varchar(200)  not null,
    name             varchar(200)  not null,
    pairs_json       text          not null,
    actor            varchar(16),
    categories_json  text          not null,
    min_level        varchar(16),
    rules_json       text          not null,
    cooldown_minutes integer       not null,
    webhook_url      varchar(2048),
    webhook_secret   varchar(512),
    created_at       timestamptz   not null
);
create index subscription_owner_idx on subscription (owner);

-- What the evaluator remembers of each pair: the last level, version and category scores it has seen.
create table pair_state (
    pair                 varchar(32) primary key,
    level                varchar(16) not null,
    version              bigint      not null,
    as_of                timestamptz not null,
    category_scores_json text        not null,
    updated_at           timestamptz not null
);

-- One row per (pair, version) evaluated: a redelivery finds its row and does nothing.
create table processed_assessment (
    pair         varchar(32) not null,
    version      bigint      not null,
    alerts       integer     not null,
    processed_at timestamptz not null,
    primary key (pair, version)
);

-- Score history per pair in event time, for SCORE_JUMP ("rose by N points within D days").
create table score_point (
    pair    varchar(32)      not null,
    version bigint           not null,
    as_of   timestamptz      not null,
    score   double precision not null,
    primary key (pair, version)
);
create index score_point_pair_as_of_idx on score_point (pair, as_of);

-- When a subscription last alerted about a pair (assessment event time), for its cooldown.
create table alert_cooldown (
    subscription_id uuid        not null references subscription (id) on delete cascade,
    pair            varchar(32) not null,
    last_alert_at   timestamptz not null,
    primary key (subscription_id, pair)
);

-- Transactional outbox: alerts are written here in the same transaction as the state above;
-- the relay publishes unpublished rows to georisk.alerts in seq order and flags them.
create table alert_outbox (
    seq             bigserial primary key,
    alert_id        uuid        not null unique,
    pair            varchar(32) not null,
    kind            varchar(32) not null,
    subscription_id uuid,
    payload         text        not null,
    created_at      timestamptz not null,
    published       boolean     not null default false,
    published_at    timestamptz
);
create index alert_outbox_unpublished_idx on alert_outbox (seq) where not published;

-- Webhook delivery log; status DEAD rows are the dead letters.
create table webhook_delivery (
    id              uuid primary key,
    alert_id        uuid          not null unique,
    subscription_id uuid          not null,
    pair            varchar(32)   not null,
    kind            varchar(32)   not null,
    url             varchar(2048) not null,
    secret          varchar(512)  not null,
    payload         text          not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    last_status     integer,
    last_error      varchar(1000),
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_dead_idx on webhook_delivery (updated_at) where status = 'DEAD';
