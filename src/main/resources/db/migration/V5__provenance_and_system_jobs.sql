-- Where data came from, so that what a batch (or a dataset) brought can be deleted again: every profile record
-- is kept as a fragment of its profile (the merged record is rebuilt from the fragments that remain), every
-- event names its batch. Delete requests (profile system jobs) are recorded with their status and metrics.

CREATE SEQUENCE profile_fragment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE profile_fragment (
    id          BIGINT PRIMARY KEY,
    sandbox     VARCHAR(64) NOT NULL,
    profile_id  BIGINT      NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    batch_id    VARCHAR(40),
    record_time BIGINT      NOT NULL,
    body        TEXT        NOT NULL
);
CREATE INDEX profile_fragment_profile ON profile_fragment (profile_id);
CREATE INDEX profile_fragment_batch ON profile_fragment (sandbox, batch_id);
-- Profiles from before fragments keep their merged record as one fragment of no batch (at time 0, so that any
-- newer record wins over it); negative ids never meet the sequence's.
INSERT INTO profile_fragment (id, sandbox, profile_id, batch_id, record_time, body)
    SELECT -id, sandbox, id, NULL, 0, entity FROM profile WHERE entity <> '{}';

ALTER TABLE experience_event ADD COLUMN batch_id VARCHAR(40);
CREATE INDEX experience_event_batch ON experience_event (sandbox, batch_id);

-- Batches look up a chunk's identities at once (value = ANY(?)): H2 uses an index for that only when the
-- value is the index's first column, so the value index now leads with it (exact-value search uses it too).
DROP INDEX profile_identity_value;
CREATE INDEX profile_identity_value ON profile_identity (identity_value, sandbox);

CREATE TABLE profile_system_job (
    id                VARCHAR(40)  PRIMARY KEY,
    sandbox           VARCHAR(64)  NOT NULL,
    batch_id          VARCHAR(40),
    dataset_id        VARCHAR(40),
    status            VARCHAR(16)  NOT NULL,
    records_processed BIGINT       NOT NULL,
    profiles_removed  BIGINT       NOT NULL,
    error             VARCHAR(500),
    created_by        VARCHAR(128) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX profile_system_job_sandbox ON profile_system_job (sandbox, created_at);

-- A batch's upload is kept in parts of up to a thousand lines, each removed in the transaction that ingests it,
-- so that a restart takes a batch up again exactly where it stopped (and no huge text is read at once).
CREATE TABLE ingest_batch_part (
    batch_id   VARCHAR(40) NOT NULL REFERENCES ingest_batch (id) ON DELETE CASCADE,
    part       INTEGER     NOT NULL,
    first_line INTEGER     NOT NULL,
    line_count INTEGER     NOT NULL,
    lines      TEXT        NOT NULL,
    CONSTRAINT ingest_batch_part_pk PRIMARY KEY (batch_id, part)
);
ALTER TABLE ingest_batch DROP COLUMN payload;
