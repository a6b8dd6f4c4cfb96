-- The nodes running on this database, each keeping its row fresh while it runs.
CREATE TABLE platform_node (
    node_id        TEXT PRIMARY KEY,
    host           TEXT NOT NULL,
    version        TEXT NOT NULL,
    role           TEXT NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    last_heartbeat TIMESTAMPTZ NOT NULL
);
