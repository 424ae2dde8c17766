#!/usr/bin/env bash
# bench/report.sh on PostgreSQL: `gongkai report` (2021 layout, JSON) for the demo agency
# holding N_ITEMS items and N_REQ requests, against the same aggregate SQL run alone by psql.
#
# usage: bench/report_pg.sh PGURL [N_ITEMS] [N_REQ] [RUNS]     (defaults: 1000000 200000 5)
#        PGURL names a server; the database gk_bench_report is (re)created on it.
# env:   GONGKAI  the binary (default build/gongkai), WORK (default /tmp/gk-bench-report)
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${1:?PGURL}
N_ITEMS=${2:-1000000}
N_REQ=${3:-200000}
RUNS=${4:-5}
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench-report}
mkdir -p "$WORK"
OUT=$WORK/report-results.txt
# postgresql://user@host/db?query → the same URL naming database gk_bench_report.
base=${PGURL%%\?*}
query=""
[[ $PGURL == *\?* ]] && query="?${PGURL#*\?}"
rest=${base#*://}
if [[ $rest == */* ]]; then base="${base%/*}/gk_bench_report"; else base="$base/gk_bench_report"; fi
DB="$base$query"

psql -X -q "$PGURL" -c "DROP DATABASE IF EXISTS gk_bench_report" -c "CREATE DATABASE gk_bench_report"
"$GONGKAI" demo --db "$DB" --password Bench-pass-2013 >/dev/null
echo "generating $N_ITEMS items and $N_REQ requests ..." >&2
psql -X -q -v ON_ERROR_STOP=1 "$DB" <<SQL
BEGIN;
CREATE TEMP TABLE classes AS SELECT ARRAY(SELECT id FROM categories WHERE agency_id = 1 AND scheme = 'class'
  AND parent_id IS NOT NULL ORDER BY id) AS ids;
INSERT INTO items (id, agency_id, index_no, status, published_rev_id, title, class_id, creation_date, publish_date,
                   pub_year, validity, validity_changed_on, carrier, created_at, updated_at)
SELECT 10000000 + i, 1, 'bench/' || i, 'published', 10000000 + i, 'bench ' || i,
       (SELECT ids[1 + i % array_length(ids, 1)] FROM classes),
       to_char(DATE '2008-01-01' + (i * 7 % 5844), 'YYYY-MM-DD'), to_char(DATE '2008-01-01' + (i * 7 % 5844), 'YYYY-MM-DD'),
       EXTRACT(YEAR FROM DATE '2008-01-01' + (i * 7 % 5844))::int,
       CASE WHEN i % 17 = 0 THEN '废止' ELSE '有效' END,
       CASE WHEN i % 17 = 0 THEN to_char(DATE '2008-01-01' + (i * 7 % 5844 + 200), 'YYYY-MM-DD') END,
       CASE WHEN i % 50 = 0 THEN '纸质' ELSE '电子' END, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM generate_series(1, $N_ITEMS) i;
INSERT INTO item_revisions (id, item_id, agency_id, rev_no, state, title, carrier, created_at, updated_at)
SELECT 10000000 + i, 10000000 + i, 1, 1, 'published', 'bench ' || i, CASE WHEN i % 50 = 0 THEN '纸质' ELSE '电子' END,
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM generate_series(1, $N_ITEMS) i;
INSERT INTO requests (id, agency_id, tracking_code, secret_hash, channel, received_on, rule, applicant_kind,
                      applicant_name, description, delivery_form, delivery_method, state, outcome, created_at, updated_at)
SELECT 10000000 + i, 1, 'B' || i, '', (ARRAY['online', 'letter', 'in_person', 'fax', 'email'])[1 + i % 5],
       to_char(DATE '2020-01-01' + (i * 13 % 1461), 'YYYY-MM-DD'), '2019',
       (ARRAY['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org'])[1 + i % 6],
       '张三', 'bench', 'electronic', 'email', CASE WHEN i % 9 = 0 THEN 'processing' ELSE 'delivered' END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE (ARRAY['granted', 'partial', 'denied.4', 'unable.1', 'not_processed.2', 'other.3'])[1 + i % 6] END,
       '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM generate_series(1, $N_REQ) i;
INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, created_at)
SELECT id, 1, 1, 'received', received_on, created_at FROM requests WHERE id >= 10000000;
INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, created_at)
SELECT id, 1, 2, CASE WHEN outcome = 'other.3' THEN 'withdrawn' ELSE 'decided' END,
       to_char(received_on::date + (id % 40)::int, 'YYYY-MM-DD'), created_at FROM requests WHERE id >= 10000000 AND outcome IS NOT NULL;
-- What the request service keeps on the row when the decision is recorded.
UPDATE requests SET concluded_on = (SELECT MIN(e.event_date) FROM request_events e WHERE e.request_id = requests.id
  AND e.kind IN ('decided', 'withdrawn', 'treated_as_withdrawn')) WHERE id >= 10000000;
COMMIT;
VACUUM ANALYZE;
SQL

cat >"$WORK/reference-pg.sql" <<'SQL'
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

echo "# $(date -u +%FT%TZ) postgres items=$N_ITEMS requests=$N_REQ $(nproc) cores gongkai=$GONGKAI" | tee -a "$OUT"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/report-pg.json" \
  -n "bare SQL (psql)" "psql -X -q '$DB' -f $WORK/reference-pg.sql > /dev/null" \
  -n "gongkai report 2021 json" "$GONGKAI report --agency cxswj --year 2023 --layout 2021 --db '$DB' --out $WORK/r-pg.json" \
  | tee -a "$OUT"
python3 - "$WORK/report-pg.json" <<'PY' | tee -a "$OUT"
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
ref = r["bare SQL (psql)"]
for name, t in r.items():
    print(f"{name}: {t:.3f} s ({t / ref:.2f}× the bare SQL)")
PY
