#!/bin/sh
# One-shot job (temporalio/admin-tools): creates Temporal's two PostgreSQL databases if they are
# missing and migrates both to the schema version the admin-tools image ships. Safe to re-run:
# setup-schema skips a database that is already versioned, update-schema applies only what is
# newer, and "already exists" from create-database is not an error.
#
# temporal-sql-tool reads its connection from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and
# SQL_PASSWORD (set by docker-compose.yml); the database is passed per call with --db.
set -eu

: "${SQL_PLUGIN:=postgres12}"
: "${SQL_HOST:?SQL_HOST must be set}"
: "${SQL_PORT:=5432}"
: "${SQL_USER:?SQL_USER must be set}"
: "${SQL_PASSWORD:?SQL_PASSWORD must be set}"
export SQL_PLUGIN SQL_HOST SQL_PORT SQL_USER SQL_PASSWORD

: "${TEMPORAL_DB:=temporal}"
: "${TEMPORAL_VISIBILITY_DB:=temporal_visibility}"
# Where the admin-tools image keeps the versioned schema for PostgreSQL >= 12.
: "${TEMPORAL_SCHEMA_DIR:=/etc/temporal/schema/postgresql/v12}"

create_database() {
  db=$1
  if out=$(temporal-sql-tool --db "$db" create-database 2>&1); then
    echo "created database $db"
  else
    case $out in
      *"already exists"*) echo "database $db already exists" ;;
      *)
        echo "$out" >&2
        echo "could not create database $db" >&2
        return 1
        ;;
    esac
  fi
}

migrate_database() {
  db=$1
  schema=$2
  if [ ! -d "$schema" ]; then
    echo "schema directory $schema not found in this admin-tools image" >&2
    return 1
  fi
  create_database "$db"
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$schema"
  echo "database $db is at the latest schema"
}

migrate_database "$TEMPORAL_DB" "$TEMPORAL_SCHEMA_DIR/temporal/versioned"
migrate_database "$TEMPORAL_VISIBILITY_DB" "$TEMPORAL_SCHEMA_DIR/visibility/versioned"
