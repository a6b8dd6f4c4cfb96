-- Whether the owner hears of failures, and the agent's token budgets (null: no limit).
ALTER TABLE agent_status
    ADD COLUMN notify TEXT NOT NULL DEFAULT 'FAILURES',
    ADD COLUMN max_tokens_per_run BIGINT,
    ADD COLUMN max_tokens_per_day BIGINT;
