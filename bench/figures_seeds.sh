#!/usr/bin/env bash
# Figures and framing on the seeds (with our sidecars, bench/seeds/): digests them into a
# fresh store and prints every storyline's tracked figures and framing by outlet.
#
#   bench/figures_seeds.sh [SEEDS_DIR]     (default ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-../shared/seeds}
cargo build --release -q -p storyline-cli
bin=target/release/storyline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
cp "$seeds"/*.txt bench/seeds/*.meta.json "$work/in/"
$bin digest "$work/in" --db "$work/s.db" >/dev/null
$bin stories --db "$work/s.db"
for id in $($bin stories --db "$work/s.db" --format jsonl | sed -E 's/^\{"id":"([^"]+)".*/\1/'); do
  echo
  echo "== figures of $id"
  $bin figures "$id" --db "$work/s.db"
  echo
  echo "== framing of $id"
  $bin framing "$id" --db "$work/s.db"
done
