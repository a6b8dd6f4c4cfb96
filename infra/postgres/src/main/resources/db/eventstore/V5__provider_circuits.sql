-- The state of each node's circuit breaker per LLM provider, written when it changes, so that every node
-- (an API node included, which calls no model itself) can tell which providers some node has sidelined.
-- A node's rows go with its node row.
CREATE TABLE provider_circuit (
    node_id    TEXT        NOT NULL REFERENCES platform_node (node_id) ON DELETE CASCADE,
    provider   TEXT        NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    reason     TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (node_id, provider)
);
