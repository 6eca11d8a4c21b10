#!/usr/bin/env bash
# The server under load: `storyline serve` over a store of 100,000 generated articles
# (built by bench/store_scale.sh, or here if missing), then `wrk` on loopback with two
# connections per core for 30 s against the story page and the search page, each cycling
# through many distinct requests. Prints the latency percentiles, the request rate and
# the errors (socket errors and non-2xx answers) of each: from a cold start, then again
# in the steady state.
#
#   bench/serve_load.sh [STORE] [SECONDS]
#
# Needs `wrk` (Debian: apt-get install wrk) and `curl`.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/storyline-scale/store-100000.db}
secs=${2:-30}
cores=$(nproc)
conns=$((2 * cores))
port=18089
cargo build --release -q -p storyline-cli -p xtask
bin=$PWD/target/release/storyline
if [ ! -f "$db" ]; then
  work=$(dirname "$db")
  [ -d "$work/base" ] || target/release/xtask gen-corpus --out "$work/base" --articles 100000
  $bin digest "$work"/base/part-*.jsonl --db "$db" >/dev/null
fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
$bin serve --db "$db" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/storylines?limit=1" >/dev/null && break
  sleep 0.1
done
base="http://127.0.0.1:$port"

# Story pages: every storyline (walking the list's cursors) and events of each, shuffled
# with a fixed seed, so that most requests are of stories not asked for before.
python3 - "$base" "$work" <<'EOF'
import json, random, sys, urllib.parse, urllib.request
base, work = sys.argv[1], sys.argv[2]
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)
stories, words, cursor = [], set(), None
while True:
    page = get("/api/v1/storylines?limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
    for s in page["items"]:
        stories.append(s["id"])
        stories.extend(e["id"] for e in s["events"][:5])
        for w in (s["title"] or "").split():
            if w.isalpha() and len(w) > 3:
                words.add(w)
    cursor = page["next"]
    if not cursor:
        break
rng = random.Random(7)
rng.shuffle(stories)
words = sorted(words)
rng.shuffle(words)
queries = words[:400] + [f"{a} {b}" for a, b in zip(words[400:600], words[600:800])]
with open(f"{work}/stories.txt", "w") as f:
    f.writelines(f"/stories/{urllib.parse.quote(s)}\n" for s in stories)
with open(f"{work}/search.txt", "w") as f:
    f.writelines(f"/search?q={urllib.parse.quote(q)}\n" for q in queries)
print(f"{len(stories)} story pages, {len(queries)} searches", file=sys.stderr)
EOF

cat >"$work/paths.lua" <<'EOF'
-- Each thread walks the list from its own offset.
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local i
request = function()
  i = ((i or offset) % #paths) + 1
  return wrk.format("GET", paths[i])
end
EOF

# The first run is from a cold start (every story body built once, at the start); the
# second is the steady state, the same requests again on the running server.
for kind in stories search stories search; do
  echo "== $kind: wrk -t$cores -c$conns -d${secs}s ($(wc -l <"$work/$kind.txt") distinct requests)"
  PATHS="$work/$kind.txt" wrk -t"$cores" -c"$conns" -d"${secs}s" --latency -s "$work/paths.lua" "$base" |
    grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Socket errors|Non-2xx"
done
