#!/usr/bin/env bash
# Recomputation after a calendar change (issue 4): N open requests, each with its "received"
# event (received 2026-10-08 … 2026-11-26), in a fresh SQLite database holding the demo agency.
#   1. `gongkai calendar import` of the shipped 2026 notice: every request is derived (the rows
#      start without derived columns, so all N are written, each with a system record and named
#      in an audit entry, one per 500 requests);
#   2. the same notice plus a holiday on 2026-12-01: every request whose deadline runs over
#      that day moves (written, with a system record on the request, named in an audit entry);
#   3. the second notice again: nothing moves, so this is reading and deriving alone;
#   4. reading the same rows alone: the recompute's query in sqlite3 (.timer on, output
#      discarded).
#
# usage: bench/recompute.sh [N]                  (default 1000000)
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-bench)
# Results: on stdout and appended to $WORK/recompute-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench}
mkdir -p "$WORK"
DB=$WORK/recompute-$N.db
OUT=$WORK/recompute-results.txt
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }
log() { echo "$*" | tee -a "$OUT"; }

rm -f "$DB" "$DB-wal" "$DB-shm"
"$GONGKAI" demo --db "$DB" --password Bench-pass-2013 > /dev/null
t0=$(now)
sqlite3 "$DB" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO requests (agency_id, tracking_code, secret_hash, channel, received_on, rule, applicant_kind,
                      applicant_name, description, delivery_form, delivery_method, state, event_count,
                      created_at, updated_at)
SELECT (SELECT id FROM agencies WHERE slug = 'cxswj'), printf('B%07d', i), 'bench', 'letter',
       date('2026-10-08', '+' || (i % 50) || ' days'), '2019', 'natural_person', '基准', '基准测试申请',
       'paper', 'post', 'new', 1, '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z'
FROM n;
INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, detail, actor_name, created_at)
SELECT id, agency_id, 1, 'received', received_on, '{}', 'bench', created_at FROM requests;
COMMIT;
ANALYZE;
SQL
t1=$(now)
log "$(date -u +%FT%TZ) recompute N=$N: generated requests in $(secs "$t0" "$t1") s"

# The shipped 2026 notice (its New Year days of December 2025 included), then with 2026-12-01 off.
NOTICE=$WORK/notice-2026.tsv
grep -E $'^(2025-12-(2[0-9]|3[01])|2026-[0-9]{2}-[0-9]{2})\t' src/core/calendar_data.cc > "$NOTICE"
cp "$NOTICE" "$NOTICE.moved"
printf '2026-12-01\toff\t基准测试假日\n' >> "$NOTICE.moved"

t0=$(now)
first=$("$GONGKAI" calendar import "$NOTICE" --year 2026 --db "$DB" --json)
t1=$(now)
log "  import 1 (derive all):   $(secs "$t0" "$t1") s  $first"
t0=$(now)
second=$("$GONGKAI" calendar import "$NOTICE.moved" --year 2026 --db "$DB" --json)
t1=$(now)
log "  import 2 (holiday added): $(secs "$t0" "$t1") s  $second"
t0=$(now)
third=$("$GONGKAI" calendar import "$NOTICE.moved" --year 2026 --db "$DB" --json)
t1=$(now)
log "  import 3 (nothing moves, read and derive only): $(secs "$t0" "$t1") s  $third"
read_only=$(sqlite3 "$DB" <<'SQL' | grep -o 'real [0-9.]*' | tail -1
.output /dev/null
.timer on
SELECT r.id, r.agency_id, r.event_count, r.state, r.due_on, r.waiting_until, r.outcome, r.closed_on,
       r.explanation, r.warnings, e.id, e.seq, e.kind, e.event_date, e.detail
FROM requests r JOIN request_events e ON e.request_id = r.id
WHERE r.state IN ('new', 'processing', 'awaiting_correction', 'consultation', 'awaiting_fee')
ORDER BY r.id, e.seq;
SQL
)
log "  reading the rows alone (sqlite3): ${read_only#real } s"
