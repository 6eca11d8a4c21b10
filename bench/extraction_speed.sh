#!/usr/bin/env bash
# Extraction speed and quality, side by side on one core: storyline (and the Rust crates it
# starts from) against Python trafilatura, on the same pages, in one run.
#   bench/extraction_speed.sh [DATA_DIR] [REPEATS]
# Makes bench/.venv with trafilatura from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/extraction}
repeats=${2:-3}
venv=bench/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura, lxml_html_clean" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
cargo build --release -q -p xtask
out=$(mktemp)
# One core for both (taskset), same pages, interleaved so machine noise hits both.
for round in 1 2; do
  taskset -c 0 "$venv/bin/python" bench/extraction_speed.py "$data" "$repeats" >>"$out"
  taskset -c 0 target/release/xtask eval extraction --data "$data" --repeats "$repeats" --json \
    --only storyline,storyline-balanced,storyline-fast,trafilatura,dom_smoothie >>"$out"
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {}
for r in rows:
    by.setdefault(r["tool"].split()[0], []).append(r)
py = statistics.median(r["pages_per_s"] for r in by["python-trafilatura"])
print(f"{'tool':<20} {'pages/s':>9} {'MB/s':>7} {'x python':>9} {'F1':>7}")
for tool, rs in by.items():
    pps = statistics.median(r["pages_per_s"] for r in rs)
    mbs = statistics.median(r["mb_per_s"] for r in rs)
    f1 = rs[0].get("f1")
    print(f"{tool:<20} {pps:>9.1f} {mbs:>7.2f} {pps / py:>9.2f} {f1 if f1 is None else round(f1, 4)!s:>7}")
PY
