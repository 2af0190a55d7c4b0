-- API credentials: a client id, two secret slots (primary, secondary) whose secrets are kept only as SHA-256
-- hashes, grants (sandbox and role), the regeneration log and coalesced usage. Tokens belong to the secret
-- that minted them, so revoking or expiring a secret ends its tokens.

CREATE SEQUENCE api_credential_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_credential (
    id          BIGINT PRIMARY KEY,
    client_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    description VARCHAR(1000),
    enabled     BOOLEAN      NOT NULL,
    system_kind VARCHAR(16),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    CONSTRAINT api_credential_client_unique UNIQUE (client_id)
);

-- sandbox '*' grants the role on every sandbox.
CREATE TABLE credential_grant (
    credential_id BIGINT      NOT NULL REFERENCES api_credential (id) ON DELETE CASCADE,
    sandbox       VARCHAR(64) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    PRIMARY KEY (credential_id, sandbox)
);

CREATE SEQUENCE credential_secret_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE credential_secret (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT      NOT NULL REFERENCES api_credential (id) ON DELETE CASCADE,
    slot          VARCHAR(16) NOT NULL,
    secret_hash   CHAR(64)    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    use_count     BIGINT      NOT NULL
);
CREATE INDEX credential_secret_owner ON credential_secret (credential_id, slot);

CREATE SEQUENCE credential_regeneration_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE credential_regeneration (
    id                BIGINT PRIMARY KEY,
    credential_id     BIGINT       NOT NULL REFERENCES api_credential (id) ON DELETE CASCADE,
    slot              VARCHAR(16)  NOT NULL,
    actor             VARCHAR(128) NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(500),
    grace_hours       INTEGER      NOT NULL,
    old_expires_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX credential_regeneration_owner ON credential_regeneration (credential_id, occurred_at);

CREATE TABLE credential_usage_day (
    credential_id BIGINT NOT NULL REFERENCES api_credential (id) ON DELETE CASCADE,
    usage_day     DATE   NOT NULL,
    calls         BIGINT NOT NULL,
    PRIMARY KEY (credential_id, usage_day)
);

-- Tokens of the spine had no secret: they are simply dropped (they last a day at most anyway).
DELETE FROM access_token;
ALTER TABLE access_token ADD COLUMN secret_id BIGINT NOT NULL;
ALTER TABLE access_token ADD CONSTRAINT access_token_secret_fk
    FOREIGN KEY (secret_id) REFERENCES credential_secret (id) ON DELETE CASCADE;
CREATE INDEX access_token_secret ON access_token (secret_id);
