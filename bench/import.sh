#!/usr/bin/env bash
# Import benchmark: `gongkai import items` of N generated items against loading the same CSV
# into a bare table with the database's own bulk loader, in the same run:
#   SQLite:     sqlite3 FILE ".import --csv items.csv items"   (a new file, no indexes)
#   PostgreSQL: psql "\copy items FROM items.csv CSV HEADER"  (an empty, unindexed TEXT table)
# Each gongkai run starts from a fresh database holding only the demo agency (cxswj).
#
# usage: bench/import.sh [N] [RUNS] [sqlite|postgres|both]     (defaults: 1000000 3 both)
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-bench; needs ~15 GB for 1M items)
#        PGURL    a PostgreSQL server URL; default: a private server started with
#                 tests/pg-server.sh in $WORK/pg on port 54410 and stopped at the end
# Results: one line per run on stdout and in $WORK/import-results.txt, then the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-3}
WHICH=${3:-both}
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench}
mkdir -p "$WORK"
CSV=$WORK/items-$N.csv
OUT=$WORK/import-results.txt
PASSWORD=Bench-pass-2013

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
rate() { printf '%.0f' "$(echo "$N / $1" | bc -l)"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
log() { echo "$*" | tee -a "$OUT"; }
# "load X s + search index Y s" from an import's --json summary.
phases() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("load %.1f s + search index %.1f s, %d items indexed" % (d["load_seconds"], d["index_seconds"], d["indexed"]))' "$1"
}

if [ ! -s "$CSV" ]; then
  echo "generating $N items into $CSV ..." >&2
  python3 bench/gen_items.py "$N" --out "$CSV"
fi
log "# $(date -u +%FT%TZ) N=$N runs=$RUNS csv=$(du -hL "$CSV" | cut -f1) $(nproc) cores, $("$GONGKAI" --help >/dev/null 2>&1 && echo gongkai ok)"

run_sqlite() {
  local template=$WORK/template.db
  if [ ! -s "$template" ]; then
    rm -f "$template"*
    "$GONGKAI" demo --db "$template" --password "$PASSWORD" >/dev/null
    sqlite3 "$template" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  fi
  local refs=() ours=() ratios=()
  for run in $(seq "$RUNS"); do
    rm -f "$WORK/ref.db"
    sync
    local t0 t1 t2 t3
    t0=$(now); sqlite3 "$WORK/ref.db" ".import --csv $CSV items"; t1=$(now)
    rm -f "$WORK/gongkai.db"*
    cp "$template" "$WORK/gongkai.db"
    sync
    t2=$(now); "$GONGKAI" import items "$CSV" --agency cxswj --db "$WORK/gongkai.db" --json >"$WORK/sqlite-import.json"; t3=$(now)
    local ref ours_s ratio
    ref=$(secs "$t0" "$t1"); ours_s=$(secs "$t2" "$t3")
    ratio=$(echo "$ref / $ours_s" | bc -l)
    refs+=("$ref"); ours+=("$ours_s"); ratios+=("$ratio")
    log "sqlite run $run: sqlite3 .import $(printf '%.2f' "$ref") s ($(rate "$ref") rows/s); gongkai import $(printf '%.2f' "$ours_s") s ($(rate "$ours_s") items/s); ratio $(printf '%.3f' "$ratio"); $(phases "$WORK/sqlite-import.json"); load avg $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  local mr mo
  mr=$(printf '%s\n' "${refs[@]}" | median); mo=$(printf '%s\n' "${ours[@]}" | median)
  log "sqlite median: sqlite3 .import $(rate "$mr") rows/s; gongkai import $(rate "$mo") items/s; ratio of medians $(printf '%.3f' "$(echo "$mr / $mo" | bc -l)")"
}

run_postgres() {
  local started=""
  if [ -z "${PGURL:-}" ]; then
    PGURL=$(tests/pg-server.sh start "$WORK/pg" 54410)
    started=1
  fi
  local base=${PGURL%%\?*} params=""
  [[ "$PGURL" == *\?* ]] && params="?${PGURL#*\?}"
  local head=${base%/*}
  local cols
  cols=$(head -1 "$CSV" | tr -d '\r' | sed 's/,/ TEXT, /g; s/$/ TEXT/')
  local refs=() ours=() ratios=()
  for run in $(seq "$RUNS"); do
    psql -q "$PGURL" -c "DROP DATABASE IF EXISTS gk_bench_ref" -c "DROP DATABASE IF EXISTS gk_bench" \
         -c "CREATE DATABASE gk_bench_ref" -c "CREATE DATABASE gk_bench" >/dev/null
    local ref_url="$head/gk_bench_ref$params" url="$head/gk_bench$params"
    psql -q "$ref_url" -c "CREATE TABLE items ($cols)" >/dev/null
    "$GONGKAI" demo --db "$url" --password "$PASSWORD" >/dev/null
    psql -q "$url" -c "CHECKPOINT" >/dev/null
    local t0 t1 t2 t3
    t0=$(now); psql -q "$ref_url" -c "\\copy items FROM '$CSV' WITH (FORMAT csv, HEADER true)" >/dev/null; t1=$(now)
    psql -q "$url" -c "CHECKPOINT" >/dev/null
    t2=$(now); "$GONGKAI" import items "$CSV" --agency cxswj --db "$url" --json >"$WORK/pg-import.json"; t3=$(now)
    local ref ours_s ratio
    ref=$(secs "$t0" "$t1"); ours_s=$(secs "$t2" "$t3")
    ratio=$(echo "$ref / $ours_s" | bc -l)
    refs+=("$ref"); ours+=("$ours_s"); ratios+=("$ratio")
    log "postgres run $run: psql \\copy $(printf '%.2f' "$ref") s ($(rate "$ref") rows/s); gongkai import $(printf '%.2f' "$ours_s") s ($(rate "$ours_s") items/s); ratio $(printf '%.3f' "$ratio"); $(phases "$WORK/pg-import.json"); load avg $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  local mr mo
  mr=$(printf '%s\n' "${refs[@]}" | median); mo=$(printf '%s\n' "${ours[@]}" | median)
  log "postgres median: psql \\copy $(rate "$mr") rows/s; gongkai import $(rate "$mo") items/s; ratio of medians $(printf '%.3f' "$(echo "$mr / $mo" | bc -l)")"
  psql -q "$PGURL" -c "DROP DATABASE IF EXISTS gk_bench_ref" >/dev/null
  if [ -n "$started" ]; then tests/pg-server.sh stop "$WORK/pg"; fi
}

case "$WHICH" in
  sqlite) run_sqlite ;;
  postgres) run_postgres ;;
  both) run_sqlite; run_postgres ;;
  *) echo "usage: $0 [N] [RUNS] [sqlite|postgres|both]" >&2; exit 2 ;;
esac
