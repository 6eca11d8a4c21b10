#!/usr/bin/env bash
# Bounded memory on an archive-sized input: generates a WARC.gz of about SIZE_MB (default
# 1024) from repeated pages, runs `storyline digest` on it, and reports peak RSS and time.
#   bench/warc_memory.sh [PAGES_DIR] [SIZE_MB] [EXTRA_FLAGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/datasets/extraction/html}
size=${2:-1024}
shift 2 || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_warc.py "$pages" "$work/big.warc.gz" "$size"
cargo build --release -q -p storyline-cli
/usr/bin/time -v target/release/storyline "$@" digest "$work/big.warc.gz" --db "$work/s.db" >"$work/digest.txt" 2>"$work/time.txt" || true
head -4 "$work/digest.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)|Exit status" "$work/time.txt"
ls -la "$work/big.warc.gz" | awk '{printf "input: %.0f MB compressed\n", $5/1e6}'
