#!/usr/bin/env bash
# Fails when the work tree has changes or untracked files that .gitignore does not cover:
# run after `npm run demo` / `npm test` on a fresh clone (.ci/run does), they must leave it clean.
set -euo pipefail
cd "$(dirname "$0")/.."
dirty="$(git status --porcelain --untracked-files=all)"
if [ -n "$dirty" ]; then
  echo "secretkit: the checkout is not clean after the commands (a file they wrote is tracked, or missing from .gitignore):" >&2
  echo "$dirty" | sed 's/^/  /' >&2
  exit 1
fi
echo "secretkit: checkout clean" >&2
