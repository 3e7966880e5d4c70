#!/usr/bin/env bash
# Search on a database of generated entities (default a million): hkin gen → import jsonl into
# SQLite → hkin serve → wrk sending searches as users type them (whole names, prefixes, a typo,
# words out of order, Chinese) to /api/v1/entities?search= and /api/v1/autocomplete. Prints the
# import time, the server's memory once its search index and graph are built, and the latency.
# Needs wrk (apt-get install wrk).
#
#   bash bench/search.sh [entities] [dir]   (dir keeps the database between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
dir=${2:-$(mktemp -d)}
mkdir -p "$dir"
export PATH="$PATH:/usr/local/go/bin"
command -v wrk >/dev/null || { echo "bench/search.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
go build -o "$dir/hkin" ./cmd/hkin
if [ ! -f "$dir/gen-$n.db" ]; then
	"$dir/hkin" gen --entities "$n" --seed 1 --out "$dir/gen.jsonl" --log-level warn
	s=$(date +%s.%N)
	"$dir/hkin" import jsonl --db "$dir/gen-$n.db" "$dir/gen.jsonl" --log-level warn >/dev/null
	echo "import jsonl of $n generated entities: $(echo "$(date +%s.%N) - $s" | bc) s"
	rm -f "$dir/gen.jsonl"
fi
"$dir/hkin" stats --db "$dir/gen-$n.db" | sed -n 1,2p

# queries: names of entities sampled from the database, cut and mangled as users type them
python3 - "$dir/gen-$n.db" > "$dir/queries.txt" <<'PY'
import random, sqlite3, sys, urllib.parse
db = sqlite3.connect(sys.argv[1])
names = []
for kind in ("organization", "person", "product", "facility"):
    rows = db.execute("SELECT id, name FROM entities WHERE type = ? ORDER BY random() LIMIT 100", (kind,)).fetchall()
    for id, name in rows:
        names.append(name)
        names += [r[0] for r in db.execute("SELECT value FROM aliases WHERE entity_id = ?", (id,))]
rng = random.Random(1)
qs = []
for name in names:
    words = name.split()
    qs += [name, name[:2], name[:4], name[:len(name) // 2]]
    if len(name) > 6:
        i = rng.randrange(2, len(name) - 3)
        qs.append(name[:i] + name[i + 1] + name[i] + name[i + 2:])
    if len(words) > 1:
        qs.append(" ".join(reversed(words)))
qs += ["Hong Kong", "Shenzhen", "University of", "Robotics", "香港", "科技", "大學", "机械人"]
rng.shuffle(qs)
for q in qs:
    print(urllib.parse.quote(q))
PY
echo "queries: $(wc -l < "$dir/queries.txt")"

"$dir/hkin" serve --db "$dir/gen-$n.db" --addr 127.0.0.1:18111 >"$dir/serve.log" 2>&1 &
pid=$!
s=$(date +%s.%N)
# ready when the search index answers (the store answers searches until it is built) and the graph is built
until curl -sf '127.0.0.1:18111/api/v1/analytics/pagerank?limit=1' >/dev/null 2>&1 && grep -q "search index built" "$dir/serve.log"; do sleep 1; done
echo "server ready (search index and graph built) after $(echo "$(date +%s.%N) - $s" | bc) s; RSS $(($(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024)) MiB"
export SEARCH_QUERIES="$dir/queries.txt"
wrk -t1 -c1 -d20s -s bench/search.lua http://127.0.0.1:18111 | grep RESULT | sed 's/^/one client, first 20 s: /'
wrk -t1 -c1 -d20s -s bench/search.lua http://127.0.0.1:18111 | grep RESULT | sed 's/^/one client, next 20 s:  /'
wrk -t2 -c8 -d20s -s bench/search.lua http://127.0.0.1:18111 | grep RESULT | sed 's/^/eight clients:          /'
echo "server RSS after the load: $(($(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024)) MiB (peak $(($(awk '/VmHWM/ {print $2}' /proc/$pid/status) / 1024)) MiB)"
