-- Failure notices whose sending began (infra/slack notices). Not a read model: nothing rebuilds it, so it lives
-- beside the event store. A notice found here may have reached Slack already, so sending it again first looks
-- for it in the DM channel.
CREATE TABLE failure_notice_attempts (
    notice_id        TEXT        PRIMARY KEY,
    first_attempt_at TIMESTAMPTZ NOT NULL
);
