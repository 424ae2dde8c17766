#!/usr/bin/env bash
# Submission throughput of requests for disclosure over HTTP: wrk POSTs new requests to
# /api/v1/requests (the same checks and transaction as the online form: validation,
# idempotency record, identity data apart, event, audit entry) with a fresh Idempotency-Key
# and a reader address of its own each (X-Real-IP, the server runs --behind-proxy, so the
# per-address limit does not stop it), against a demo database on SQLite and on PostgreSQL.
# Every acknowledged request is counted in the database afterwards.
#
# usage: bench/submit.sh [sqlite|postgres|both]      (default both)
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-bench)
#        DURATION seconds per run (default 10), CONNECTIONS (default 8), RUNS (default 3)
#        PGURL    a PostgreSQL server URL; default: a private server (tests/pg-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench}
WHICH=${1:-both}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
RUNS=${RUNS:-3}
PORT=18484
OUT=$WORK/submit-results.txt
mkdir -p "$WORK"
log() { echo "$*" | tee -a "$OUT"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

cat >"$WORK/submit.lua" <<'EOF'
-- One new request per call: a unique Idempotency-Key and X-Real-IP per request.
-- tid is set by setup() in each thread's own Lua state (a global there).
local counter = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(os.time() + tid)
  prefix = string.format("bench%d%d", os.time(), math.random(1000000))
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"agency":"cxswj","applicant_kind":"natural_person","applicant_name":"测试申请人","description":"申请公开2013年度商贸流通项目资金安排情况。","delivery_form":"electronic","delivery_method":"email","email":"a@example.com","id_type":"passport","id_number":"E12345678"}'
function request()
  counter = counter + 1
  local n = tid * 16777216 + counter
  wrk.headers["Idempotency-Key"] = string.format("%s-%d-%010d", prefix, tid, counter)
  wrk.headers["X-Real-IP"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format()
end
EOF

run_backend() {
  local backend=$1 db started=""
  if [ "$backend" = sqlite ]; then
    db=$WORK/submit.db
    rm -f "$db"*
  else
    if [ -z "${PGURL:-}" ]; then
      PGURL=$(tests/pg-server.sh start "$WORK/pg" 54410)
      started=1
    fi
    psql "$PGURL" -qc "DROP DATABASE IF EXISTS gk_bench_submit" -c "CREATE DATABASE gk_bench_submit" >/dev/null
    db=$(printf '%s' "$PGURL" | sed -E "s|(postgresql://[^/]*/)[^?]*|\1gk_bench_submit|")
  fi
  "$GONGKAI" demo --db "$db" --password Bench-pass-2013 >/dev/null
  "$GONGKAI" serve --db "$db" --listen "127.0.0.1:$PORT" --behind-proxy --threads 16 >"$WORK/submit-serve.log" 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.2; done
  local rates=() sent=0
  for run in $(seq "$RUNS"); do
    local res rps non2xx
    res=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/submit.lua" "http://127.0.0.1:$PORT/api/v1/requests")
    rps=$(printf '%s\n' "$res" | awk '$1 == "Requests/sec:" {print $2}')
    non2xx=$(printf '%s\n' "$res" | awk '/Non-2xx/ {print $NF}')
    rates+=("$rps")
    sent=$((sent + $(printf '%s\n' "$res" | awk '/requests in/ {print $1}')))
    log "$backend run $run: $rps requests/s, median $(printf '%s\n' "$res" | awk '$1 == "50%" {print $2}'), p99 $(printf '%s\n' "$res" | awk '$1 == "99%" {print $2}'), non-2xx ${non2xx:-0}; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  local stored
  if [ "$backend" = sqlite ]; then stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM requests"); else stored=$(psql "$db" -Atc "SELECT COUNT(*) FROM requests"); fi
  # The demo holds no requests: every answered POST must have stored one (wrk's last,
  # unanswered requests of a run are not counted as sent).
  log "$backend median: $(printf '%s\n' "${rates[@]}" | median) requests/s; $sent answered, $stored stored"
  [ -n "$started" ] && tests/pg-server.sh stop "$WORK/pg" || true
}

log "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t2 -c$CONNECTIONS -d${DURATION}s x $RUNS"
case "$WHICH" in
  sqlite|postgres) run_backend "$WHICH" ;;
  both) run_backend sqlite; run_backend postgres ;;
  *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;;
esac
