#!/usr/bin/env bash
# kill -9 at random points of a digest into a large store, then digest again: the store
# must equal the one a clean run gives. Uses the stores and new articles of
# bench/store_scale.sh (run it first).
#
#   bench/kill_scale.sh [WORKDIR] [SIZE] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/storyline-scale}
size=${2:-100000}
kills=${3:-5}
bin=target/release/storyline
base="$work/store-$size.db"
[ -f "$base" ] || { echo "no $base: run bench/store_scale.sh first" >&2; exit 2; }
cargo build --release -q -p storyline-cli

dump() {
  python3 - "$1" <<'EOF'
import hashlib, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
h = hashlib.sha256()
for sql in [
    "SELECT a.id, coalesce(b.view, b.doc), ifnull(a.duplicate_of,''), ifnull(a.duplicate_kind,''), a.template, a.pending FROM articles a JOIN bodies b ON b.n = a.n ORDER BY a.id",
    "SELECT key, ifnull(article_id,''), size, mtime FROM sources ORDER BY key",
    "SELECT id, kind, name, articles, quotes FROM entities ORDER BY id",
    "SELECT a.id, m.local, e.id FROM entity_members m JOIN articles a ON a.n = m.article JOIN entities e ON e.n = m.entity ORDER BY 1, 2",
    "SELECT a.id, q.ord, q.text, ifnull(e.id,''), ifnull(q.said,'') FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN entities e ON e.n = q.speaker ORDER BY 1, 2",
    "SELECT outlet, key, stories FROM line_stories ORDER BY 1, 2",
    "SELECT count(*), sum(size) FROM dup_groups",
    "SELECT old, new FROM entity_redirects ORDER BY 1",
]:
    for row in c.execute(sql):
        h.update(repr(row).encode())
print(h.hexdigest())
EOF
}

cp "$base" "$work/clean.db"; rm -f "$work/clean.db-wal" "$work/clean.db-shm"
$bin digest "$work/new" --db "$work/clean.db" >/dev/null
want=$(dump "$work/clean.db")
echo "clean run: $want"

cp "$base" "$work/killed.db"; rm -f "$work/killed.db-wal" "$work/killed.db-shm"
for ((k = 1; k <= kills; k++)); do
  $bin digest "$work/new" --db "$work/killed.db" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.2, 2.5), 2))")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "kill $k done"
done
$bin digest "$work/new" --db "$work/killed.db" >/dev/null
got=$(dump "$work/killed.db")
echo "after $kills kills and a re-run: $got"
rm -f "$work/clean.db"* "$work/killed.db"*
[ "$want" = "$got" ] && echo "EQUAL" || { echo "DIFFERENT"; exit 1; }
