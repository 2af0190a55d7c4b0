#!/usr/bin/env bash
# Creates the cdp-console database and its owner on a PostgreSQL server (run as a superuser; psql must reach it
# through the usual PGHOST / PGPORT / PGUSER variables). The schema itself is created by the application's
# Flyway migrations at start. The database compares text by code point (C.UTF-8), which agent search's index
# ranges rely on.
#   CDP_DB_NAME (default cdp), CDP_DB_USER (default cdp), CDP_DB_PASSWORD (default cdp: change it outside tests)
set -euo pipefail
DB="${CDP_DB_NAME:-cdp}"
USER_NAME="${CDP_DB_USER:-cdp}"
PASSWORD="${CDP_DB_PASSWORD:-cdp}"
export PGUSER="${PGUSER:-postgres}"
psql -v ON_ERROR_STOP=1 -q -d postgres \
  -v db="$DB" -v user_name="$USER_NAME" -v password="$PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user_name', :'password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user_name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' LC_COLLATE ''C.UTF-8'' LC_CTYPE ''C.UTF-8'' TEMPLATE template0', :'db', :'user_name')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
echo "database $DB with owner $USER_NAME is ready"
