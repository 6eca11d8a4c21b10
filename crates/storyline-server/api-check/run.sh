#!/usr/bin/env bash
# Runs schemathesis (PyPI, in its own virtualenv) against a live `storyline serve`, from
# the OpenAPI document the server generates. Zero failures or the script fails.
#   crates/storyline-server/api-check/run.sh BIN STORE [VENV]
set -euo pipefail
bin=$1 db=$2 venv=${3:-$(dirname "$0")/.venv}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
log=$(mktemp)
"$bin" serve --db "$db" --addr 127.0.0.1:0 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  addr=$(grep -o 'http://[0-9.:]* (' "$log" | cut -d' ' -f1 || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$log"; echo "the server did not start" >&2; exit 1; }
"$venv/bin/schemathesis" run "$addr/api/v1/openapi.json" --checks all --max-examples 50 --seed 1 --no-color
