-- JSON Lines batches: the upload kept until processed, progress, counts and the first errors by line.

CREATE TABLE ingest_batch (
    id              VARCHAR(40)  PRIMARY KEY,
    sandbox         VARCHAR(64)  NOT NULL,
    schema_name     VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    total_lines     INTEGER      NOT NULL,
    processed_lines INTEGER      NOT NULL,
    ingested        INTEGER      NOT NULL,
    failed          INTEGER      NOT NULL,
    errors          TEXT         NOT NULL,
    payload         TEXT,
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ingest_batch_sandbox ON ingest_batch (sandbox, created_at);
