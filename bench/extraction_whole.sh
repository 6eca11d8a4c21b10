#!/usr/bin/env bash
# Whole process against whole process, one core each (taskset -c 0): `storyline analyze`
# (every stage, as a user runs it) over the extraction benchmark's pages (the .html.gz files as
# they are) in each extraction mode, against Python trafilatura extracting the same pages in
# one process (interpreter start and imports included). Runs are interleaved; for each tool the
# median wall time and the median CPU time (user + sys) are printed, and the ratios to Python.
# On a shared machine CPU time is the steadier of the two.
#   bench/extraction_whole.sh [DATA_DIR] [RUNS]
# Makes bench/.venv with trafilatura from PyPI on first use (and lxml_html_clean, which lxml 6
# no longer bundles and trafilatura needs).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/extraction}
runs=${2:-7}
venv=bench/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura, lxml_html_clean" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
cargo build --release -q -p storyline-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for mode in accurate balanced fast; do echo "{\"extract\": \"$mode\"}" >"$work/$mode.json"; done
measure() { # NAME COMMAND...: appends "wall cpu" to $work/NAME
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{print $1, $2 + $3}' "$work/t" >>"$work/$name"
}
for i in $(seq "$runs"); do
  measure python taskset -c 0 "$venv/bin/python" bench/extraction_whole.py "$data"
  for mode in accurate balanced fast; do
    measure "$mode" taskset -c 0 target/release/storyline --config "$work/$mode.json" analyze "$data/html"
  done
done
python3 - "$work" <<'PY'
import statistics, sys, os
work = sys.argv[1]
def load(name):
    rows = [tuple(map(float, l.split())) for l in open(os.path.join(work, name))]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), len(rows)
pw, pc, n = load("python")
print(f"{'tool':<28} {'wall s':>7} {'cpu s':>7} {'x wall':>7} {'x cpu':>7}   (median of {n})")
print(f"{'python trafilatura':<28} {pw:>7.2f} {pc:>7.2f} {1:>7.2f} {1:>7.2f}")
for mode in ("accurate", "balanced", "fast"):
    w, c, _ = load(mode)
    print(f"{'storyline analyze ' + mode:<28} {w:>7.2f} {c:>7.2f} {pw / w:>7.2f} {pc / c:>7.2f}")
PY
