#!/usr/bin/env bash
# Annual report benchmark (SQLite): `gongkai report` (2021 layout, JSON) for one agency holding
# N_ITEMS published items and N_REQ requests, against the bare aggregate SQL over the same rows
# run by sqlite3 in the same run (the reference: items grouped by class with the electronic and
# validity sums; requests with their conclusion date grouped by applicant kind and outcome).
# Rows are generated with SQL (recursive CTEs) straight into a demo database.
#
# usage: bench/report.sh [N_ITEMS] [N_REQ] [RUNS]     (defaults: 1000000 200000 5)
# env:   GONGKAI  the binary (default build/gongkai; a Release build gives the real figure)
#        WORK     scratch directory (default /tmp/gk-bench-report)
# Results: each timing on stdout and in $WORK/report-results.txt (hyperfine's mean ± σ).
set -euo pipefail
cd "$(dirname "$0")/.."
N_ITEMS=${1:-1000000}
N_REQ=${2:-200000}
RUNS=${3:-5}
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench-report}
mkdir -p "$WORK"
DB=$WORK/report-$N_ITEMS-$N_REQ.db
OUT=$WORK/report-results.txt

if [ ! -s "$DB" ]; then
  rm -f "$DB"*
  "$GONGKAI" demo --db "$DB" --password Bench-pass-2013 >/dev/null
  echo "generating $N_ITEMS items and $N_REQ requests ..." >&2
  sqlite3 "$DB" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE classes AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM categories
  WHERE agency_id = 1 AND scheme = 'class' AND parent_id IS NOT NULL;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N_ITEMS)
INSERT INTO item_revisions (id, item_id, agency_id, rev_no, state, title, carrier, created_at, updated_at)
SELECT 10000000 + i, 10000000 + i, 1, 1, 'published', 'bench ' || i, CASE WHEN i % 50 = 0 THEN '纸质' ELSE '电子' END,
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N_ITEMS)
INSERT INTO items (id, agency_id, index_no, status, published_rev_id, title, class_id, creation_date, publish_date,
                   pub_year, validity, validity_changed_on, carrier, created_at, updated_at)
SELECT 10000000 + i, 1, 'bench/' || i, 'published', 10000000 + i, 'bench ' || i,
       (SELECT id FROM classes WHERE n = i % (SELECT COUNT(*) FROM classes)),
       date('2008-01-01', '+' || (i * 7 % 5844) || ' days'), date('2008-01-01', '+' || (i * 7 % 5844) || ' days'),
       CAST(strftime('%Y', date('2008-01-01', '+' || (i * 7 % 5844) || ' days')) AS INTEGER),
       CASE WHEN i % 17 = 0 THEN '废止' ELSE '有效' END,
       CASE WHEN i % 17 = 0 THEN date('2008-01-01', '+' || (i * 7 % 5844 + 200) || ' days') END,
       CASE WHEN i % 50 = 0 THEN '纸质' ELSE '电子' END, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N_REQ)
INSERT INTO requests (id, agency_id, tracking_code, secret_hash, channel, received_on, rule, applicant_kind,
                      applicant_name, description, delivery_form, delivery_method, state, outcome, created_at, updated_at)
SELECT 10000000 + i, 1, 'B' || i, '', CASE i % 5 WHEN 0 THEN 'online' WHEN 1 THEN 'letter' WHEN 2 THEN 'in_person'
       WHEN 3 THEN 'fax' ELSE 'email' END, date('2020-01-01', '+' || (i * 13 % 1461) || ' days'), '2019',
       CASE i % 6 WHEN 0 THEN 'natural_person' WHEN 1 THEN 'commercial' WHEN 2 THEN 'research'
       WHEN 3 THEN 'public_interest' WHEN 4 THEN 'legal_service' ELSE 'other_org' END, '张三', 'bench', 'electronic',
       'email', CASE WHEN i % 9 = 0 THEN 'processing' ELSE 'delivered' END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE (SELECT code FROM (SELECT 'granted' AS code, 0 AS k UNION ALL
         SELECT 'partial', 1 UNION ALL SELECT 'denied.4', 2 UNION ALL SELECT 'unable.1', 3 UNION ALL
         SELECT 'not_processed.2', 4 UNION ALL SELECT 'other.3', 5) WHERE k = i % 6) END,
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM s;
INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, created_at)
SELECT id, 1, 1, 'received', received_on, created_at FROM requests WHERE id >= 10000000;
INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, created_at)
SELECT id, 1, 2, CASE WHEN outcome = 'other.3' THEN 'withdrawn' ELSE 'decided' END,
       date(received_on, '+' || (id % 40) || ' days'), created_at FROM requests WHERE id >= 10000000 AND outcome IS NOT NULL;
-- What the request service keeps on the row when the decision is recorded.
UPDATE requests SET concluded_on = (SELECT MIN(e.event_date) FROM request_events e WHERE e.request_id = requests.id
  AND e.kind IN ('decided', 'withdrawn', 'treated_as_withdrawn')) WHERE id >= 10000000;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
fi

# A database left by an older build gets the current schema before anything is timed.
"$GONGKAI" migrate --db "$DB" >/dev/null

# The reference: the same aggregates, computed by sqlite3 alone.
cat >"$WORK/reference.sql" <<'SQL'
SELECT i.class_id, COUNT(*), SUM(CASE WHEN i.publish_date >= '2023-01-01' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.carrier = '电子' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.validity = '废止' AND i.validity_changed_on >= '2023-01-01' AND i.validity_changed_on <= '2023-12-31' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.validity = '有效' OR i.validity_changed_on > '2023-12-31' THEN 1 ELSE 0 END)
FROM items i
WHERE i.agency_id = 1 AND i.status IN ('published', 'withdrawn') AND i.publish_date <= '2023-12-31' GROUP BY i.class_id;
SELECT r.applicant_kind, r.channel, r.received_on >= '2023-01-01', r.concluded_on <= '2023-12-31', r.outcome, COUNT(*)
FROM requests r
WHERE r.agency_id = 1 AND r.received_on <= '2023-12-31' AND (r.concluded_on IS NULL OR r.concluded_on >= '2023-01-01')
GROUP BY 1, 2, 3, 4, 5;
SQL

echo "# $(date -u +%FT%TZ) items=$N_ITEMS requests=$N_REQ $(nproc) cores gongkai=$GONGKAI" | tee -a "$OUT"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/report.json" \
  -n "bare SQL (sqlite3)" "sqlite3 $DB < $WORK/reference.sql > /dev/null" \
  -n "gongkai report 2021 json" "$GONGKAI report --agency cxswj --year 2023 --layout 2021 --db $DB --out $WORK/r.json" \
  -n "gongkai report 2021 pdf" "$GONGKAI report --agency cxswj --year 2023 --layout 2021 --db $DB --out $WORK/r.pdf" \
  | tee -a "$OUT"
python3 - "$WORK/report.json" <<'PY' | tee -a "$OUT"
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
ref = r["bare SQL (sqlite3)"]
for name, t in r.items():
    print(f"{name}: {t:.3f} s ({t / ref:.2f}× the bare SQL)")
PY
