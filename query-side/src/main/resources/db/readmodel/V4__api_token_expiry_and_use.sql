-- null: the token does not expire
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;

-- when each token last authenticated a request; written by the bearer-token check, not by a projection,
-- so a projection rebuild leaves it as it is
CREATE TABLE api_token_uses (
    token_id     TEXT        PRIMARY KEY,
    last_used_at TIMESTAMPTZ NOT NULL
);
