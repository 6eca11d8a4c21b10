#!/usr/bin/env bash
# Peak memory on hostile-size single documents: generates (bench/make_big_inputs.py) a page of
# HTML_MB, a plain-text file of HTML_MB and a JSON Lines file whose first line is JSON_MB,
# then runs `storyline analyze` on each under /usr/bin/time -v and prints peak RSS, wall time
# and the run's last line.
#   bench/big_inputs_memory.sh [HTML_MB] [JSON_MB] [EXTRA_FLAGS...]
# e.g. `bench/big_inputs_memory.sh 48 300` (refused by the default size limit) and
# `bench/big_inputs_memory.sh 16 300` (read: the large-page path).
set -euo pipefail
cd "$(dirname "$0")/.."
html_mb=${1:-48}
json_mb=${2:-300}
shift 2 || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_big_inputs.py "$work" "$html_mb" "$json_mb"
cargo build --release -q -p storyline-cli
for f in big.html big.txt long.jsonl; do
  /usr/bin/time -v target/release/storyline "$@" analyze "$work/$f" >/dev/null 2>"$work/time.txt" || true
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); printf "%.0f", $2 / 1024}' "$work/time.txt")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$work/time.txt")
  printf '%-11s peak RSS %5s MB  wall %8s  %s\n' "$f" "$rss" "$wall" "$(grep '^storyline:' "$work/time.txt" | tail -1)"
done
