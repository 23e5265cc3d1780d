#!/bin/bash
# Runs once, when the postgres service initialises an empty data volume (the official image runs
# /docker-entrypoint-initdb.d/*.sh as the superuser). It creates:
#   - the application role and its database (the engine's own tables; `migrate` fills them), and
#   - the Temporal role, allowed to create databases: the `temporal-schema` job creates and
#     migrates `temporal` and `temporal_visibility` with it.
# Changing these passwords later means ALTER ROLE by hand: this script never runs again on a
# volume that already holds a cluster.
set -euo pipefail

: "${APP_DB_NAME:?APP_DB_NAME must be set}"
: "${APP_DB_USER:?APP_DB_USER must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
: "${TEMPORAL_DB_USER:?TEMPORAL_DB_USER must be set}"
: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"

# psql variables (:"ident" / :'literal') quote the values, so any password is safe here.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_db="$APP_DB_NAME" -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" \
  -v temporal_user="$TEMPORAL_DB_USER" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
CREATE ROLE :"temporal_user" LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
