#!/usr/bin/env bash
# Back-office list page benchmark at 1,000,000 items: the first page of /admin/items and page
# 1,000 with a filter (?status=published&class=ID&page=1000), each measured with wrk while
# signed in as the demo office user, beside the same SQL that store::list_items runs (the
# COUNT and the page query) timed alone in the sqlite3 shell with .timer on.
#
# usage: bench/list_page.sh [DB]        (default $WORK/gongkai.db, left by bench/import.sh)
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-bench)
#        PORT     port to serve on (default 18480)
#        DURATION seconds per wrk run (default 10); CONNECTIONS (default 1: latency of one
#        user at a time; more connections on 2 cores measure queueing as much as the page)
# The database must hold the demo agency cxswj with the password bench/import.sh gives it.
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench}
DB=${1:-$WORK/gongkai.db}
PORT=${PORT:-18480}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-1}
PASSWORD=${PASSWORD:-Bench-pass-2013}
OUT=$WORK/list-page-results.txt
BASE=http://127.0.0.1:$PORT
log() { echo "$*" | tee -a "$OUT"; }

AGENCY=$(sqlite3 "$DB" "SELECT id FROM agencies WHERE slug = 'cxswj'")
CLASS=$(sqlite3 "$DB" "SELECT id FROM categories WHERE agency_id = $AGENCY AND scheme = 'class' AND name = '业务类' AND parent_id IS NULL")
ITEMS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM items WHERE agency_id = $AGENCY")
log "# $(date -u +%FT%TZ) $DB: $ITEMS items of cxswj; class 业务类 = $CLASS; $(nproc) cores; wrk -t1 -c$CONNECTIONS -d${DURATION}s"

"$GONGKAI" serve --db "$DB" --listen "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "$BASE/admin/login" >/dev/null 2>&1 && break; sleep 0.2; done

# Sign in: the login form's _csrf must match the gk_precsrf cookie it sets.
JAR=$WORK/cookies.txt
rm -f "$JAR"
FORM=$(curl -fs -c "$JAR" "$BASE/admin/login")
CSRF=$(printf '%s' "$FORM" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -fs -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode "username=cxswj.office" \
     --data-urlencode "password=$PASSWORD" --data-urlencode "next=/admin" "$BASE/admin/login"
SESSION=$(awk '$6 == "gk_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "login failed" >&2; exit 1; }

measure() {
  local label=$1 path=$2
  curl -fs -o /dev/null -H "Cookie: gk_session=$SESSION" "$BASE$path" || { echo "GET $path failed" >&2; exit 1; }
  local res
  res=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 60s --latency -H "Cookie: gk_session=$SESSION" "$BASE$path")
  local p50 p99 rps
  p50=$(printf '%s\n' "$res" | awk '$1 == "50%" {print $2}')
  p99=$(printf '%s\n' "$res" | awk '$1 == "99%" {print $2}')
  rps=$(printf '%s\n' "$res" | awk '$1 == "Requests/sec:" {print $2}')
  log "wrk $label $path: median $p50, p99 $p99, $rps req/s"
}
measure "first page" "/admin/items"
measure "page 1000, filtered" "/admin/items?status=published&class=$CLASS&page=1000"
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT

# The same statements store::list_items runs, alone in the sqlite3 shell (best of 3 each).
COLS="id, agency_id, index_no, status, working_rev_id, published_rev_id, title, doc_no, validity, department_id, class_id, topic_id, genre_id, creation_date, publish_date, validity_changed_on, late, created_by, created_at, updated_at"
CLASS_IN="class_id IN (SELECT id FROM categories WHERE id = $CLASS OR parent_id = $CLASS)"
sql_time() {
  local label=$1 sql=$2
  local best
  best=$(for _ in 1 2 3; do printf '.timer on\n%s;\n' "$sql" | sqlite3 "$DB" | awk '/^Run Time/ {print $4}'; done | sort -g | head -1)
  log "sqlite3 $label: ${best} s real"
}
sql_time "first page count" "SELECT COUNT(*) FROM items WHERE agency_id = $AGENCY"
sql_time "first page rows" "SELECT $COLS FROM items WHERE agency_id = $AGENCY ORDER BY publish_date DESC, id DESC LIMIT 20 OFFSET 0"
sql_time "page 1000 count" "SELECT COUNT(*) FROM items WHERE agency_id = $AGENCY AND status = 'published' AND $CLASS_IN"
sql_time "page 1000 rows" "SELECT $COLS FROM items WHERE agency_id = $AGENCY AND status = 'published' AND $CLASS_IN ORDER BY publish_date DESC, id DESC LIMIT 20 OFFSET 19980"
