#!/usr/bin/env bash
# Times `hkin import ror` on the shared ROR sample against the floor: the sqlite3 command-line
# shell inserting the very same rows (taken from the imported database) into the same schema,
# with the same indexes and pragmas, in one transaction. Needs sqlite3 (apt-get install sqlite3).
#
#   bash bench/ror.sh [DUMP]      (default ../shared/data/ror/ror-v2-records.json.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
dump=${1:-../shared/data/ror/ror-v2-records.json.gz}
command -v sqlite3 >/dev/null || { echo "bench/ror.sh needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
[ -f "$dump" ] || { echo "no ROR dump at $dump" >&2; exit 1; }
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/hkin" ./cmd/hkin

secs() { local s=$1 e=$2; echo "scale=2; ($e - $s) / 1000000000" | bc; }

for run in 1 2 3; do
	rm -f "$tmp"/hkin.db*
	s=$(date +%s%N)
	"$tmp/hkin" --db "$tmp/hkin.db" --log-level warn import ror "$dump"
	e=$(date +%s%N)
	echo "hkin import ror, run $run: $(secs "$s" "$e") s"
done
s=$(date +%s%N)
"$tmp/hkin" --db "$tmp/hkin.db" --log-level warn import ror "$dump"
e=$(date +%s%N)
echo "hkin import ror again (nothing new): $(secs "$s" "$e") s"
"$tmp/hkin" --db "$tmp/hkin.db" stats

# the floor: the same rows, inserted by sqlite3 into the same schema
sqlite3 "$tmp/hkin.db" .schema | grep -v '^CREATE TABLE sqlite_sequence' > "$tmp/schema.sql"
sqlite3 "$tmp/hkin.db" '.dump --data-only' | grep -v '^INSERT INTO sqlite_sequence' > "$tmp/data.sql"
echo "rows: $(grep -c '^INSERT' "$tmp/data.sql")"
for run in 1 2 3; do
	rm -f "$tmp"/floor.db*
	s=$(date +%s%N)
	{
		echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
		cat "$tmp/schema.sql"
		echo "BEGIN;"
		cat "$tmp/data.sql"
		echo "COMMIT;"
	} | sqlite3 "$tmp/floor.db" >/dev/null
	e=$(date +%s%N)
	echo "sqlite3 inserting the same rows, run $run: $(secs "$s" "$e") s"
done
