-- Real-time customer profiles: the merged record of every ingested record that shares an identity, its
-- identities (unique per sandbox) and its experience events. Searchable fields are columns (with lower-case
-- keys for prefix search); the rest of the record is JSON text.

CREATE SEQUENCE profile_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE profile (
    id               BIGINT PRIMARY KEY,
    sandbox          VARCHAR(64)  NOT NULL,
    xid              VARCHAR(48)  NOT NULL,
    first_name       VARCHAR(200),
    last_name        VARCHAR(200),
    email            VARCHAR(320),
    phone            VARCHAR(64),
    city             VARCHAR(200),
    first_name_key   VARCHAR(200),
    last_name_key    VARCHAR(200),
    email_key        VARCHAR(320),
    phone_key        VARCHAR(64),
    entity           TEXT         NOT NULL,
    field_times      TEXT         NOT NULL,
    lifetime_value   NUMERIC(16, 2) NOT NULL,
    purchases_30d    INTEGER      NOT NULL,
    last_purchase_at TIMESTAMP WITH TIME ZONE,
    churn_propensity DOUBLE PRECISION NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT profile_xid_unique UNIQUE (sandbox, xid)
);
CREATE INDEX profile_first_name ON profile (sandbox, first_name_key);
CREATE INDEX profile_last_name ON profile (sandbox, last_name_key);
CREATE INDEX profile_email ON profile (sandbox, email_key);
CREATE INDEX profile_phone ON profile (sandbox, phone_key);

CREATE TABLE profile_identity (
    sandbox        VARCHAR(64)  NOT NULL,
    namespace      VARCHAR(32)  NOT NULL,
    identity_value VARCHAR(320) NOT NULL,
    profile_id     BIGINT       NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    CONSTRAINT profile_identity_pk PRIMARY KEY (sandbox, namespace, identity_value)
);
CREATE INDEX profile_identity_profile ON profile_identity (profile_id);
CREATE INDEX profile_identity_value ON profile_identity (sandbox, identity_value);

CREATE SEQUENCE experience_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE experience_event (
    id           BIGINT PRIMARY KEY,
    sandbox      VARCHAR(64)  NOT NULL,
    profile_id   BIGINT       NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    event_id     VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(128),
    price_total  NUMERIC(16, 2),
    currency     VARCHAR(8),
    body         TEXT         NOT NULL
);
CREATE INDEX experience_event_profile ON experience_event (profile_id, occurred_at, id);
