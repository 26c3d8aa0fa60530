#!/usr/bin/env bash
# Makes sure the database servers used by the integration tests are installed:
# PostgreSQL server binaries (initdb, postgres) and MariaDB (mariadbd, mariadb-install-db).
# It only installs; the test setup (test/support/databases/) starts and stops the servers.
# Installs with apt-get when running as root; otherwise prints what to install and fails.
# Quiet on success. Everything goes to stderr: stdout stays clean.
set -euo pipefail
exec 3>&1 1>&2

# An executable on PATH (bash's `command -v` also reports files that are not executable).
have_exe() {
  local p
  p="$(command -v "$1" 2>/dev/null)" && [ -x "$p" ] && [ -f "$p" ]
}
have_postgres() {
  if [ -n "${SECRETKIT_PG_BIN:-}" ] && [ -x "$SECRETKIT_PG_BIN/initdb" ]; then return 0; fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then return 0; fi
  done
  have_exe initdb && have_exe postgres
}
have_mariadb() {
  { have_exe mariadbd || [ -x /usr/sbin/mariadbd ] || have_exe mysqld || [ -x /usr/sbin/mysqld ]; } &&
    { have_exe mariadb-install-db || have_exe mysql_install_db; }
}

missing=()
have_postgres || missing+=(postgresql)
have_mariadb || missing+=(mariadb-server)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "secretkit: the integration tests need database servers that are not installed: ${missing[*]}"
  echo "secretkit: install them, e.g.: sudo apt-get install -y ${missing[*]}"
  echo "secretkit: (PostgreSQL binaries are looked up in /usr/lib/postgresql/*/bin, on PATH, or in \$SECRETKIT_PG_BIN)"
  exit 1
fi

echo "secretkit: installing ${missing[*]} for the integration tests"
export DEBIAN_FRONTEND=noninteractive
# The packages' own services are not wanted: the tests start private servers.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
have_postgres || { echo "secretkit: postgresql installed but initdb/postgres not found"; exit 1; }
have_mariadb || { echo "secretkit: mariadb-server installed but mariadbd/mariadb-install-db not found"; exit 1; }
