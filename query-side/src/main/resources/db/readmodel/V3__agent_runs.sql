-- Run history (processing group run-history). Like every read model, rebuilt by replaying events.

-- Owner and deletion of each agent, as the run history saw them: runs are answered to the owner only,
-- and this group may not wait for agent_status, which another processing group keeps.
CREATE TABLE agent_run_owners (
    agent_id TEXT    PRIMARY KEY,
    owner_id TEXT    NOT NULL,
    deleted  BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE agent_runs (
    run_id         TEXT        PRIMARY KEY,
    agent_id       TEXT        NOT NULL,
    owner_id       TEXT        NOT NULL,
    trigger        TEXT        NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'CATCH_UP')),
    outcome        TEXT        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'SKIPPED', 'RUNNING')),
    scheduled_at   TIMESTAMPTZ,
    -- the fire time for a scheduled run; for a manual run, when it began
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    model          TEXT,
    input_tokens   BIGINT      NOT NULL DEFAULT 0,
    output_tokens  BIGINT      NOT NULL DEFAULT 0,
    summary        TEXT,
    error_kind     TEXT,
    error_message  TEXT,
    transcript_ref TEXT
);

CREATE INDEX agent_runs_newest_first ON agent_runs (agent_id, started_at DESC, run_id DESC);

-- the next run is computed when asked, from the schedule and the clock; nothing stores it
ALTER TABLE agent_status DROP COLUMN next_run_at;
