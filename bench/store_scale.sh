#!/usr/bin/env bash
# Does adding articles cost the same whatever the store's size? Builds stores of 10k, 50k
# and 100k invented articles (`cargo xtask gen-corpus`), then digests the same 1,000 new
# articles into a copy of each, several times, whole process (`storyline digest`, default
# settings), and prints the median wall time per new article; then times the API's
# queries on the largest store.
#
#   bench/store_scale.sh [WORKDIR] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/storyline-scale}
repeats=${2:-5}
sizes=(10000 50000 100000)
mkdir -p "$work"
cargo build --release -q -p storyline-cli -p xtask
bin=target/release/storyline
xtask=target/release/xtask

max=${sizes[-1]}
[ -d "$work/base" ] || $xtask gen-corpus --out "$work/base" --articles "$max"
[ -d "$work/new" ] || $xtask gen-corpus --out "$work/new" --articles 1000 --first "$max" --seed 2

# Stores grow by digesting the next files: 10k, then 50k, then 100k.
prev=0
for size in "${sizes[@]}"; do
  db="$work/store-$size.db"
  if [ ! -f "$db" ]; then
    if [ "$prev" -gt 0 ]; then cp "$work/store-$prev.db" "$db"; fi
    files=()
    for ((k = prev / 1000; k < size / 1000; k++)); do files+=("$work/base/$(printf 'part-%06d.jsonl' "$k")"); done
    start=$(date +%s.%N)
    $bin digest "${files[@]}" --db "$db" >/dev/null
    printf 'built %s articles in %.1f s\n' "$size" "$(echo "$(date +%s.%N) - $start" | bc)"
  fi
  prev=$size
done

printf '\n%-10s %12s %16s\n' "store" "median s" "ms per article"
for size in "${sizes[@]}"; do
  times=()
  for ((r = 0; r < repeats; r++)); do
    cp "$work/store-$size.db" "$work/try.db"
    rm -f "$work/try.db-wal" "$work/try.db-shm"
    t=$( { /usr/bin/time -f '%e' $bin digest "$work/new" --db "$work/try.db" >/dev/null; } 2>&1 | tail -1)
    times+=("$t")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-10s %12s %16.2f   (runs: %s)\n' "$size" "$median" "$(echo "$median * 1000 / 1000" | bc -l)" "${times[*]}"
done
rm -f "$work/try.db"*

echo
$xtask store-queries --db "$work/store-$max.db"
