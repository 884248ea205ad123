#!/bin/bash
# Runs once, when the database volume is created (the postgres image runs
# /docker-entrypoint-initdb.d/*.sh as its superuser). Two roles, neither a superuser:
# directorline_owner owns the database and runs the migrations; directorline, the application's
# role, may read and write but never change or remove audit rows (DirectorLine grants it exactly
# that after every migration). A superuser or the owner could switch the audit triggers off.
set -euo pipefail
: "${DIRECTORLINE_OWNER_PASSWORD:?set DIRECTORLINE_OWNER_PASSWORD}"
: "${DIRECTORLINE_DB_PASSWORD:?set DIRECTORLINE_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$DIRECTORLINE_OWNER_PASSWORD" -v app_password="$DIRECTORLINE_DB_PASSWORD" <<'SQL'
CREATE ROLE directorline_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE directorline LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE directorline OWNER directorline_owner;
REVOKE ALL ON DATABASE directorline FROM PUBLIC;
GRANT CONNECT ON DATABASE directorline TO directorline;
SQL
# The public schema belongs to the owner, so only the owner creates tables in it.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname directorline <<'SQL'
ALTER SCHEMA public OWNER TO directorline_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
