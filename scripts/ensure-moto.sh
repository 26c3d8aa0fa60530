#!/usr/bin/env bash
# Prints the path of a python interpreter that can run moto's server (moto[server]==5.2.1).
# Uses the machine's python3 when it already has moto, flask and flask_cors; otherwise
# creates .venv/ in the project and installs moto there. Fails with what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_VERSION=5.2.1
check='import moto, moto.server, flask, flask_cors, sys; sys.exit(0 if moto.__version__ == "'$MOTO_VERSION'" else 3)'
if [ -x .venv/bin/python ] && .venv/bin/python -c "$check" 2>/dev/null; then
  echo "$PWD/.venv/bin/python"; exit 0
fi
if command -v python3 >/dev/null && python3 -c "$check" 2>/dev/null; then
  python3 -c "import sys; print(sys.executable)"; exit 0
fi
echo "secretkit: moto $MOTO_VERSION not found; installing moto[server]==$MOTO_VERSION into .venv/" >&2
if ! command -v python3 >/dev/null; then
  echo "secretkit: python3 is required for the local AWS emulator. Install python3 (>= 3.9) with venv and pip, e.g. apt-get install -y python3 python3-venv python3-pip" >&2
  exit 1
fi
if ! { python3 -m venv .venv >&2 && .venv/bin/python -m pip install -q "moto[server]==$MOTO_VERSION" >&2; }; then
  echo "secretkit: could not install the emulator. Install it yourself with: python3 -m pip install 'moto[server]==$MOTO_VERSION' (or into .venv/: python3 -m venv .venv && .venv/bin/pip install 'moto[server]==$MOTO_VERSION')" >&2
  exit 1
fi
.venv/bin/python -c "$check" >&2 || { echo "secretkit: .venv/ has no working moto $MOTO_VERSION" >&2; exit 1; }
echo "$PWD/.venv/bin/python"
