#!/usr/bin/env bash
# Prepares a fresh machine (Debian 12 / Node 20 here): the pinned pnpm, the workspace's packages
# (building better-sqlite3 from source where no prebuilt binary can be downloaded) and, with
# --with-chromium, Debian's Chromium for the browser tests. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "[setup] installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

if [ "${1:-}" = "--with-chromium" ] && [ -z "${CHROME_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "[setup] installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "[setup] pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile
