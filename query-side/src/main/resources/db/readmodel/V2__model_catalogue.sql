-- The model catalogue: each model's latest definition and whether admins left it enabled.

CREATE TABLE catalogue_models (
    name              TEXT        PRIMARY KEY,
    friendly_name     TEXT        NOT NULL,
    tier              TEXT        NOT NULL CHECK (tier IN ('BASIC', 'STANDARD', 'ADVANCED', 'DEEP')),
    -- order among the models of one tier: lower is tried first
    rank              INTEGER     NOT NULL,
    supports_tools    BOOLEAN     NOT NULL,
    supports_thinking BOOLEAN     NOT NULL,
    -- [{"provider": "bedrock", "modelId": "..."}, ...]
    offerings         JSONB       NOT NULL,
    enabled           BOOLEAN     NOT NULL,
    registered_at     TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- aggregate sequence number of the last applied event; older redeliveries are ignored
    version           BIGINT      NOT NULL
);
