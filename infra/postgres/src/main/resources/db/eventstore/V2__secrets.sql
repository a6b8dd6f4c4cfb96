-- Secrets under envelope encryption (infra/secrets SecretStore). Not a read model: nothing rebuilds it,
-- so it lives beside the event store. The ciphertext starts with its AES-GCM nonce; the data key that
-- opens it is stored only wrapped, under the key encryption key key_id names (a KMS key ARN or local:...).
CREATE TABLE secrets (
    secret_id   TEXT        PRIMARY KEY,
    ciphertext  BYTEA       NOT NULL,
    wrapped_key BYTEA       NOT NULL,
    key_id      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    wrapped_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX secrets_by_key ON secrets (key_id);
