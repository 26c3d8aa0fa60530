#!/usr/bin/env bash
# Entry point behind the npm scripts: installs what is missing, then runs the command.
#   bash scripts/run.sh test|demo|bench|docs|check-package|vitest <args...>
# On a fresh clone: runs `npm ci` when node_modules is missing, prepares the emulator
# (scripts/ensure-moto.sh) and, for commands that need them, the database servers
# (scripts/ensure-databases.sh: the tests need PostgreSQL and MariaDB, the demo only PostgreSQL).
# Servers themselves are started by the test setup / demo. Nothing here writes tracked files:
# a fresh clone stays clean (`git status --porcelain` empty; .ci/run checks it).
set -euo pipefail
cd "$(dirname "$0")/.."

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "secretkit: installing npm dependencies (npm ci)" >&2
    # The lock lists every platform's optional binaries, so `npm ci` accepts it anywhere. No
    # fallback to `npm install`: that would rewrite package-lock.json in a fresh clone.
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
}
ensure_moto() {
  SECRETKIT_MOTO_PYTHON="$(bash scripts/ensure-moto.sh)"
  export SECRETKIT_MOTO_PYTHON
}
ensure_databases() { # $@ = postgres | mariadb (what the command uses)
  bash scripts/ensure-databases.sh "$@" >&2
}

# The SDK warns on every process that Node 20 support ends in 2027; it is noise in test and demo output.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED="${AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED:-true}"

cmd="${1:-test}"; shift || true
case "$cmd" in
  test)
    ensure_node_modules; ensure_moto; ensure_databases postgres mariadb
    # The whole suite reports coverage against the floor in vitest.config.ts; a subset does not.
    if [ "$#" -eq 0 ]; then exec npx vitest run --coverage; fi
    exec npx vitest run "$@" ;;
  vitest)
    ensure_node_modules; ensure_moto; ensure_databases postgres mariadb
    exec npx vitest "$@" ;;
  demo)
    # examples/demo.ts rotates a PostgreSQL password; it never starts MariaDB.
    ensure_node_modules; ensure_moto; ensure_databases postgres
    exec npx tsx examples/demo.ts "$@" ;;
  bench)
    ensure_node_modules; ensure_moto
    exec npx tsx bench/run.ts "$@" ;;
  docs)
    ensure_node_modules
    exec npx typedoc "$@" ;;
  check-package)
    # The smoke test makes real calls (floor SDK versions included) against a local moto server.
    ensure_node_modules; ensure_moto
    exec bash scripts/check-package.sh "$@" ;;
  *)
    echo "usage: scripts/run.sh test|vitest|demo|bench|docs|check-package" >&2; exit 2 ;;
esac
