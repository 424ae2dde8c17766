#!/usr/bin/env bash
# City-level annual report benchmark (SQLite): `gongkai report --city` over 100 agencies that
# share N_ITEMS items and N_REQ requests, against the bare aggregate SQL grouped by agency in
# the same run. Starts from the database bench/report.sh generated (run it first with the same
# sizes), copies it and spreads the generated rows over 99 more agencies.
#
# usage: bench/city_report.sh [N_ITEMS] [N_REQ] [RUNS]     (defaults: 1000000 200000 3)
# env:   GONGKAI (default build/gongkai), WORK (default /tmp/gk-bench-report)
set -euo pipefail
cd "$(dirname "$0")/.."
N_ITEMS=${1:-1000000}
N_REQ=${2:-200000}
RUNS=${3:-3}
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench-report}
SRC=$WORK/report-$N_ITEMS-$N_REQ.db
DB=$WORK/city-$N_ITEMS-$N_REQ.db
OUT=$WORK/report-results.txt
[ -s "$SRC" ] || { echo "run bench/report.sh $N_ITEMS $N_REQ first" >&2; exit 1; }

if [ ! -s "$DB" ]; then
  cp "$SRC" "$DB"
  sqlite3 "$DB" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO agencies (id, slug, name, org_code, created_at)
SELECT i, 'bench' || i, '慈溪市第' || i || '局', '00001434' || (i % 10), '2024-01-01T00:00:00Z' FROM n;
UPDATE items SET agency_id = 1 + id % 100, class_id = CASE WHEN id % 100 = 0 THEN class_id END WHERE id >= 10000000;
UPDATE item_revisions SET agency_id = 1 + id % 100 WHERE id >= 10000000;
UPDATE requests SET agency_id = 1 + id % 100 WHERE id >= 10000000;
UPDATE request_events SET agency_id = 1 + request_id % 100 WHERE request_id >= 10000000;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
fi

cat >"$WORK/city-reference.sql" <<'SQL'
SELECT i.agency_id, i.class_id, COUNT(*), SUM(CASE WHEN i.publish_date >= '2023-01-01' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.carrier = '电子' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.validity = '废止' AND i.validity_changed_on >= '2023-01-01' AND i.validity_changed_on <= '2023-12-31' THEN 1 ELSE 0 END),
  SUM(CASE WHEN i.validity = '有效' OR i.validity_changed_on > '2023-12-31' THEN 1 ELSE 0 END)
FROM items i
WHERE i.status IN ('published', 'withdrawn') AND i.publish_date <= '2023-12-31' GROUP BY i.agency_id, i.class_id;
SELECT r.agency_id, r.applicant_kind, r.channel, r.received_on >= '2023-01-01', r.concluded_on <= '2023-12-31', r.outcome, COUNT(*)
FROM requests r
WHERE r.received_on <= '2023-12-31' AND (r.concluded_on IS NULL OR r.concluded_on >= '2023-01-01')
GROUP BY 1, 2, 3, 4, 5, 6;
SQL

echo "# $(date -u +%FT%TZ) city items=$N_ITEMS requests=$N_REQ agencies=100 $(nproc) cores gongkai=$GONGKAI" | tee -a "$OUT"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/city.json" \
  -n "bare SQL by agency (sqlite3)" "sqlite3 $DB < $WORK/city-reference.sql > /dev/null" \
  -n "gongkai report --city json" "$GONGKAI report --city --year 2023 --db $DB --out $WORK/city-out.json" \
  | tee -a "$OUT"
python3 - "$WORK/city.json" <<'PY' | tee -a "$OUT"
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
ref = r["bare SQL by agency (sqlite3)"]
for name, t in r.items():
    print(f"{name}: {t:.3f} s ({t / ref:.2f}× the bare SQL)")
PY
