#!/usr/bin/env bash
# Starts a local PostgreSQL server for the tests (installing Debian's package if needed) with a
# role and database hkin/hkin_test; .ci/run points the tests at it. The server it starts outlives
# the script, so the caller must not wait on a pipe the server would inherit.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
	pg_createcluster "$ver" main
fi
pg_ctlcluster "$ver" main start || true
for _ in $(seq 1 30); do
	pg_isready -q -h 127.0.0.1 -p 5432 && break
	sleep 1
done
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hkin') THEN
    CREATE ROLE hkin LOGIN SUPERUSER PASSWORD 'hkin';
  END IF;
END $$;
SELECT 'CREATE DATABASE hkin_test OWNER hkin' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'hkin_test')\gexec
SQL
