-- The spine: sandboxes, access tokens, console users and the audit log.
-- Written once for H2 and PostgreSQL alike: sequences (not identity columns), portable types.
-- Sequences start at their increment: JPA takes each value as the top of a block of 50 ids.

CREATE SEQUENCE sandbox_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sandbox (
    id                 BIGINT PRIMARY KEY,
    name               VARCHAR(64)  NOT NULL,
    title              VARCHAR(256) NOT NULL,
    sandbox_type       VARCHAR(16)  NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    is_default         BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    created_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(128) NOT NULL,
    last_modified_date TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_by   VARCHAR(128) NOT NULL,
    CONSTRAINT sandbox_name_unique UNIQUE (name)
);

CREATE TABLE access_token (
    token_hash  CHAR(64)     PRIMARY KEY,
    client_id   VARCHAR(128) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_token_expiry ON access_token (expires_at);

CREATE SEQUENCE console_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE console_user (
    id            BIGINT PRIMARY KEY,
    login         VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(128) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT console_user_login_unique UNIQUE (login)
);

CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_event (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    client_id   VARCHAR(128),
    sandbox     VARCHAR(64),
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(256),
    detail      VARCHAR(2000)
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_sandbox ON audit_event (sandbox, occurred_at);
