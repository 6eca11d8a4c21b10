#!/usr/bin/env bash
# Screenshots of every page, in Debian's Chromium (the browser tests' walk): on the example
# corpus with the hostile fixtures, and on the seeds with our sidecars (bench/seeds/).
# Writes bench/screenshots/{example,seeds}-*.png.
#
#   bench/screenshots.sh [SEEDS_DIR]     (default ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-../shared/seeds}
cargo build --release -q -p storyline-cli
bin=target/release/storyline
(cd crates/storyline-server/browser && npm ci --no-audit --no-fund --silent)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bin digest examples/corpus crates/storyline-server/tests/fixtures/hostile.jsonl --db "$work/example.db" >/dev/null
node crates/storyline-server/browser/run.mjs --bin "$bin" --db "$work/example.db" \
  --shots bench/screenshots --name example --hostile
if [ -d "$seeds" ]; then
  mkdir "$work/seeds"
  cp "$seeds"/*.txt bench/seeds/*.meta.json "$work/seeds/"
  $bin digest "$work/seeds" --db "$work/seeds.db" >/dev/null
  node crates/storyline-server/browser/run.mjs --bin "$bin" --db "$work/seeds.db" \
    --shots bench/screenshots --name seeds
fi
