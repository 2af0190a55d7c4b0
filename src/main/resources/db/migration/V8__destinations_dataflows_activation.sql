-- File destinations (a folder under the destinations root, a format, the columns), the dataflow that maps a
-- destination to segments with schedules, and every activation run (ad-hoc and scheduled), recorded before it
-- starts. A run is claimed by one node (FOR UPDATE SKIP LOCKED on PostgreSQL) and keeps a heartbeat, so that a
-- run whose node stopped is found and marked failed ("interrupted").

CREATE TABLE destination (
    id                 VARCHAR(40)   PRIMARY KEY,
    sandbox            VARCHAR(64)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    description        VARCHAR(2000),
    folder             VARCHAR(500)  NOT NULL,
    file_format        VARCHAR(16)   NOT NULL,
    compression        VARCHAR(16)   NOT NULL,
    file_name_template VARCHAR(200)  NOT NULL,
    identity_columns   TEXT          NOT NULL,
    attribute_columns  TEXT          NOT NULL,
    created_by         VARCHAR(128)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT destination_name UNIQUE (sandbox, name)
);

CREATE TABLE dataflow (
    id              VARCHAR(40)   PRIMARY KEY,
    sandbox         VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    destination_id  VARCHAR(40)   NOT NULL REFERENCES destination (id),
    state           VARCHAR(16)   NOT NULL,
    created_by      VARCHAR(128)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dataflow_destination UNIQUE (destination_id)
);

CREATE TABLE dataflow_segment (
    dataflow_id        VARCHAR(40)  NOT NULL REFERENCES dataflow (id) ON DELETE CASCADE,
    segment_id         VARCHAR(40)  NOT NULL REFERENCES segment_definition (id) ON DELETE CASCADE,
    frequency          VARCHAR(16)  NOT NULL,
    start_date         DATE         NOT NULL,
    end_date           DATE,
    time_of_day        VARCHAR(5)   NOT NULL,
    first_scheduled_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dataflow_segment_pk PRIMARY KEY (dataflow_id, segment_id)
);

CREATE TABLE activation_run (
    id              VARCHAR(40)   PRIMARY KEY,
    sandbox         VARCHAR(64)   NOT NULL,
    dataflow_id     VARCHAR(40)   NOT NULL,
    destination_id  VARCHAR(40)   NOT NULL,
    destination_name VARCHAR(200) NOT NULL,
    segment_id      VARCHAR(40)   NOT NULL,
    segment_name    VARCHAR(200)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    scheduled_for   VARCHAR(20),
    status          VARCHAR(16)   NOT NULL,
    started_by      VARCHAR(128)  NOT NULL,
    retry_of        VARCHAR(40),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(64),
    expected_rows   BIGINT        NOT NULL,
    rows_written    BIGINT        NOT NULL,
    failed_rows     BIGINT        NOT NULL,
    output_bytes    BIGINT        NOT NULL,
    file_name       VARCHAR(300),
    sha256          VARCHAR(64),
    error           VARCHAR(2000),
    CONSTRAINT activation_run_schedule UNIQUE (dataflow_id, segment_id, scheduled_for)
);
CREATE INDEX activation_run_sandbox ON activation_run (sandbox, created_at);
CREATE INDEX activation_run_flow ON activation_run (dataflow_id, created_at);
CREATE INDEX activation_run_status ON activation_run (status, created_at);
-- Exports read a segment's members in profile order: the primary key (segment_id, profile_id) serves them.
