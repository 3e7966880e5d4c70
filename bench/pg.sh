#!/usr/bin/env bash
# The same import and the same read mix on SQLite and on PostgreSQL, and one versus two hkin servers
# on one PostgreSQL database under wrk. Needs wrk (apt-get install wrk) and a PostgreSQL server:
#   bash .ci/postgres.sh
#   HKIN_TEST_POSTGRES='postgres://hkin:hkin@127.0.0.1:5432/hkin_test?sslmode=disable' bench/pg.sh [entities]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
: "${HKIN_TEST_POSTGRES:?set HKIN_TEST_POSTGRES to a PostgreSQL URL (bash .ci/postgres.sh starts one)}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/hkin" ./cmd/hkin
"$work/hkin" gen --entities "$n" --seed 1 --out "$work/gen.jsonl" --log-level warn
psql -q "$HKIN_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS hkin_bench WITH (FORCE)" -c "CREATE DATABASE hkin_bench"
pg=$(echo "$HKIN_TEST_POSTGRES" | sed 's#/[^/?]*?#/hkin_bench?#')

timed() { local s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }
echo "import of $n generated entities (hkin import jsonl):"
echo "  sqlite:     $(timed "$work/hkin" import jsonl --db "$work/b.db" "$work/gen.jsonl" --log-level warn) s"
echo "  postgresql: $(timed "$work/hkin" import jsonl --db "$pg" "$work/gen.jsonl" --log-level warn) s"

serve() { "$work/hkin" serve --db "$1" --addr "127.0.0.1:$2" --log-level warn >/dev/null 2>&1 & 
	for _ in $(seq 50); do curl -sf "127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.2; done; echo "server on $2 did not start" >&2; exit 1; }
load() { wrk -t2 -c16 -d10s -s bench/mix.lua "http://127.0.0.1:$1" | grep RESULT; }

echo "read mix, wrk -t2 -c16 -d10s per server:"
serve "$work/b.db" 18101; echo "  sqlite, one server:     $(load 18101)"
serve "$pg" 18102;        echo "  postgresql, one server: $(load 18102)"
serve "$pg" 18103
echo "  postgresql, two servers at once:"
load 18102 | sed 's/^/    server 1: /' & load 18103 | sed 's/^/    server 2: /'; wait %3 2>/dev/null || true
