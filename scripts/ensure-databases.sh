#!/usr/bin/env bash
# Makes sure the database servers a command needs are installed:
#   bash scripts/ensure-databases.sh [postgres] [mariadb]     (no argument: both)
# PostgreSQL server binaries (initdb, postgres) and MariaDB (mariadbd, mariadb-install-db).
# Each command asks only for what it uses: the demo needs PostgreSQL, the tests need both.
# It only installs; the test setup (test/support/databases/) starts and stops the servers.
# Installs with apt-get when running as root; otherwise prints what to install and fails.
# Quiet on success: apt's output (stdout and stderr, debconf lines included) goes to a log
# that is shown only when the install fails. Everything we print goes to stderr.
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

wanted=("$@")
[ "${#wanted[@]}" -eq 0 ] && wanted=(postgres mariadb)
missing=()
for db in "${wanted[@]}"; do
  case "$db" in
    postgres) have_postgres || missing+=(postgresql) ;;
    mariadb) have_mariadb || missing+=(mariadb-server) ;;
    *) echo "secretkit: ensure-databases.sh: unknown database \"$db\" (use postgres, mariadb)"; exit 2 ;;
  esac
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "secretkit: the integration tests need database servers that are not installed: ${missing[*]}"
  echo "secretkit: install them, e.g.: sudo apt-get install -y ${missing[*]}"
  echo "secretkit: (PostgreSQL binaries are looked up in /usr/lib/postgresql/*/bin, on PATH, or in \$SECRETKIT_PG_BIN)"
  exit 1
fi

echo "secretkit: installing ${missing[*]} (apt-get)"
# No prompts, and no debconf chatter ("unable to initialize frontend", "delaying package
# configuration"): debconf writes those to stderr, which the log below captures.
export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
# The packages' own services are not wanted: the tests start private servers.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
fi
log="$(mktemp "${TMPDIR:-/tmp}/secretkit-apt.XXXXXX")"
cleanup() {
  if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
  rm -f "$log"
}
trap cleanup EXIT
apt_quiet() { # runs apt-get with all its output in $log; on failure shows the log's tail
  if ! apt-get "$@" >>"$log" 2>&1; then
    echo "secretkit: apt-get $1 failed:"
    tail -n 30 "$log"
    return 1
  fi
}
install_missing() { apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; }
if ! install_missing; then
  apt_quiet update -q
  apt_quiet install -y -q --no-install-recommends "${missing[@]}"
fi
for pkg in "${missing[@]}"; do
  case "$pkg" in
    postgresql) have_postgres || { echo "secretkit: postgresql installed but initdb/postgres not found"; exit 1; } ;;
    mariadb-server) have_mariadb || { echo "secretkit: mariadb-server installed but mariadbd/mariadb-install-db not found"; exit 1; } ;;
  esac
done
