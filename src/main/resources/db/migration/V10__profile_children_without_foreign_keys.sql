-- Identities, fragments and events no longer have a foreign key to their profile, as segment memberships never
-- had (V7): checking it on every row was the dearest part of writing an identity. 200,000 profiles and their
-- 600,000 identities, one COPY each on PostgreSQL 15: the identities took 6.4 s with the key, 2.6 s without.
-- The code that removes a profile removes or moves what it holds first (a merge moves it to the profile that
-- stays; a batch delete removes a profile only once nothing is left of it; a sandbox reset removes the children
-- before the profiles), and writers lock the profiles they add to, so no row is left without its profile.
-- H2 named the keys itself, so the three tables are made again without them, under the same names.

CREATE TABLE profile_identity_new (
    sandbox        VARCHAR(64)  NOT NULL,
    namespace      VARCHAR(32)  NOT NULL,
    identity_value VARCHAR(320) NOT NULL,
    profile_id     BIGINT       NOT NULL
);
INSERT INTO profile_identity_new (sandbox, namespace, identity_value, profile_id)
    SELECT sandbox, namespace, identity_value, profile_id FROM profile_identity;
DROP TABLE profile_identity;
ALTER TABLE profile_identity_new RENAME TO profile_identity;
ALTER TABLE profile_identity ADD CONSTRAINT profile_identity_pk PRIMARY KEY (identity_value, sandbox, namespace);
CREATE INDEX profile_identity_profile ON profile_identity (profile_id);

CREATE TABLE profile_fragment_new (
    id          BIGINT      NOT NULL,
    sandbox     VARCHAR(64) NOT NULL,
    profile_id  BIGINT      NOT NULL,
    batch_id    VARCHAR(40),
    record_time BIGINT      NOT NULL,
    body        TEXT        NOT NULL
);
INSERT INTO profile_fragment_new (id, sandbox, profile_id, batch_id, record_time, body)
    SELECT id, sandbox, profile_id, batch_id, record_time, body FROM profile_fragment;
DROP TABLE profile_fragment;
ALTER TABLE profile_fragment_new RENAME TO profile_fragment;
ALTER TABLE profile_fragment ADD CONSTRAINT profile_fragment_pk PRIMARY KEY (id);
CREATE INDEX profile_fragment_profile ON profile_fragment (profile_id);
CREATE INDEX profile_fragment_batch ON profile_fragment (sandbox, batch_id);

CREATE TABLE experience_event_new (
    id           BIGINT       NOT NULL,
    sandbox      VARCHAR(64)  NOT NULL,
    profile_id   BIGINT       NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(128),
    price_total  NUMERIC(16, 2),
    currency     VARCHAR(8),
    body         TEXT         NOT NULL,
    batch_id     VARCHAR(40)
);
INSERT INTO experience_event_new (id, sandbox, profile_id, event_id, occurred_at, event_type, price_total, currency,
        body, batch_id)
    SELECT id, sandbox, profile_id, event_id, occurred_at, event_type, price_total, currency, body, batch_id
    FROM experience_event;
DROP TABLE experience_event;
ALTER TABLE experience_event_new RENAME TO experience_event;
ALTER TABLE experience_event ADD CONSTRAINT experience_event_pk PRIMARY KEY (id);
CREATE INDEX experience_event_profile ON experience_event (profile_id, occurred_at, id);
CREATE INDEX experience_event_batch ON experience_event (sandbox, batch_id);
