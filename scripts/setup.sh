#!/usr/bin/env bash
# Prepares a fresh machine (Debian 12 / Node 20 here): the pinned pnpm, the workspace's packages
# (building better-sqlite3 from source where no prebuilt binary can be downloaded), with
# --with-chromium, Debian's Chromium for the browser tests, and with --with-postgres, Debian's
# PostgreSQL with a role and a test database for the lead receiver's PostgreSQL tests (it prints the
# HEARTH_PG_URL to export). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "[setup] installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

WITH_CHROMIUM=0
WITH_POSTGRES=0
for arg in "$@"; do
  case "$arg" in
    --with-chromium) WITH_CHROMIUM=1 ;;
    --with-postgres) WITH_POSTGRES=1 ;;
    *) echo "[setup] unknown option $arg (known: --with-chromium, --with-postgres)" >&2; exit 1 ;;
  esac
done

if [ "$WITH_CHROMIUM" = 1 ] && [ -z "${CHROME_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "[setup] installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "[setup] pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile

if [ "$WITH_POSTGRES" = 1 ]; then
  # Debian's PostgreSQL (15 on Debian 12), its default cluster, a role and a database for the tests.
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "[setup] installing Debian's postgresql for the lead receiver's PostgreSQL tests"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main"' | grep -q .; then
    $SUDO pg_createcluster "$pg_version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    echo "[setup] starting PostgreSQL $pg_version (cluster main)"
    $SUDO pg_ctlcluster "$pg_version" main start
  fi
  $SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hearth') THEN CREATE ROLE hearth LOGIN PASSWORD 'hearth'; END IF; END \\\$\\\$;\""
  if ! $SUDO su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'hearth_test'\"" | grep -q 1; then
    $SUDO su postgres -c "createdb -O hearth hearth_test"
  fi
  echo "[setup] PostgreSQL ready: export HEARTH_PG_URL=postgres://hearth:hearth@127.0.0.1:5432/hearth_test"
fi
