-- Each user's Slack connection (SlackConnected / SlackDisconnected). secret_id refers to the bot token in
-- the secrets table; the token itself is never here.
CREATE TABLE slack_connections (
    user_id      TEXT        PRIMARY KEY,
    team_id      TEXT        NOT NULL,
    team_name    TEXT,
    bot_user_id  TEXT        NOT NULL,
    notify_user  TEXT,
    secret_id    TEXT        NOT NULL,
    connected_at TIMESTAMPTZ NOT NULL
);
