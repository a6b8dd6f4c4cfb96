-- Read models: every table here can be emptied and rebuilt by replaying the event store.
-- No foreign keys: each projection runs in its own processing group and may lag the others.

CREATE TABLE users (
    user_id    TEXT        PRIMARY KEY,
    username   TEXT        NOT NULL UNIQUE,
    role       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
    token_id   TEXT        PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    token_hash TEXT        NOT NULL UNIQUE,
    revoked    BOOLEAN     NOT NULL DEFAULT FALSE,
    issued_at  TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE agent_status (
    agent_id                 TEXT        PRIMARY KEY,
    owner_id                 TEXT        NOT NULL,
    name                     TEXT        NOT NULL,
    instructions             TEXT        NOT NULL,
    tier                     TEXT,
    model                    TEXT,
    schedule_cron            TEXT,
    schedule_timezone        TEXT,
    tools                    JSONB       NOT NULL DEFAULT '[]',
    overlap                  TEXT,
    catch_up                 TEXT,
    max_consecutive_failures INTEGER,
    status                   TEXT        NOT NULL CHECK (status IN ('STOPPED', 'RUNNING', 'DELETED')),
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    -- aggregate sequence number of the last applied event; older redeliveries are ignored
    version                  BIGINT      NOT NULL,
    next_run_at              TIMESTAMPTZ,
    last_run_id              TEXT,
    last_run_outcome         TEXT,
    last_run_finished_at     TIMESTAMPTZ
);

CREATE INDEX agent_status_by_owner ON agent_status (owner_id, created_at, agent_id);

CREATE TABLE audit_log (
    -- insertion order; breaks ties between events with equal timestamps
    position        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        TEXT        NOT NULL UNIQUE,
    type            TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    -- sequence number within the event's aggregate: the exact order of one agent's history
    sequence_number BIGINT      NOT NULL,
    actor_id        TEXT,
    actor           TEXT        NOT NULL,
    agent_id        TEXT,
    user_id         TEXT,
    reason          TEXT,
    details         JSONB       NOT NULL
);

CREATE INDEX audit_log_by_agent ON audit_log (agent_id, sequence_number, position);
CREATE INDEX audit_log_by_time ON audit_log (at, position);
