#!/usr/bin/env bash
# Task 19: a local PostgreSQL server on 127.0.0.1 for the PostgreSQL restart spec (PostgresRestartSpec).
# Sourced by .ci/run before the tests. Installs Debian's postgresql package when it is absent (as root),
# starts the newest cluster listening on 127.0.0.1 only, creates the role and database "counters", and
# exports COUNTERS_POSTGRES. Never fails the CI run: without a server the spec reports itself skipped,
# with the reason. Already set COUNTERS_POSTGRES = use that server instead.
counters_pg_setup() {
  if [ -n "${COUNTERS_POSTGRES:-}" ]; then echo "PostgreSQL: using \$COUNTERS_POSTGRES"; return 0; fi
  local as_root=""
  if [ "$(id -u)" = 0 ]; then as_root=yes; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ -z "$as_root" ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL: not installed and cannot install it (needs root and apt-get); its spec will be skipped"; return 0
    fi
    echo "PostgreSQL: installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1; } \
      || { echo "PostgreSQL: apt-get install postgresql failed; its spec will be skipped"; return 0; }
  fi
  if [ -z "$as_root" ]; then echo "PostgreSQL: starting a server needs root here; its spec will be skipped"; return 0; fi
  local version port
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >/dev/null || { echo "PostgreSQL: pg_createcluster failed; its spec will be skipped"; return 0; }
  fi
  # Loopback only, like every listener of the project.
  sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/$version/main/postgresql.conf"
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start || { echo "PostgreSQL: pg_ctlcluster start failed; its spec will be skipped"; return 0; }
  fi
  local i
  for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL: the server did not accept connections; its spec will be skipped"; return 0; }
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || { echo "PostgreSQL: could not create role/database; its spec will be skipped"; return 0; }
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'counters') THEN CREATE ROLE counters LOGIN PASSWORD 'counters'; END IF;
END $$;
SELECT 'CREATE DATABASE counters OWNER counters' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'counters')\gexec
SQL
  export COUNTERS_POSTGRES="Host=127.0.0.1;Port=$port;Database=counters;Username=counters;Password=counters"
  echo "PostgreSQL $version on 127.0.0.1:$port: COUNTERS_POSTGRES exported"
}
counters_pg_setup
