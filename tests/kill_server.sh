#!/usr/bin/env bash
# A request acknowledged to the applicant is never lost (issue: disclosure on request, "Bad
# input and safety"): requests are submitted through POST /api/v1/requests as fast as one
# client can, the server is killed with SIGKILL in the middle, started again on the same
# database, and every tracking code that was answered with 201 must be found with its secret.
#   tests/kill_server.sh BUILD_DIR sqlite|postgres
# PostgreSQL uses a fresh database on the server of $GK_TEST_PG_URL (exit 77 without it).
set -euo pipefail
bin=$(realpath "${1:?BUILD_DIR}")/gongkai
backend=${2:-sqlite}
work=$(mktemp -d /tmp/gk-kill.XXXXXX)
server=""
loop=""
cleanup() {
  [ -n "$loop" ] && kill "$loop" 2>/dev/null || true
  if [ -n "$server" ]; then kill -9 "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "${pg_db:-}" ]; then psql "$admin_url" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$backend" = postgres ]; then
  if [ -z "${GK_TEST_PG_URL:-}" ]; then
    [ -n "${GK_REQUIRE_PG:-}" ] && { echo "kill_server: GK_TEST_PG_URL is not set" >&2; exit 1; }
    echo "kill_server: no PostgreSQL (GK_TEST_PG_URL): skipped" >&2
    exit 77
  fi
  admin_url=$GK_TEST_PG_URL
  pg_db="gk_kill_$$"
  psql "$admin_url" -qc "CREATE DATABASE $pg_db" >/dev/null
  db=$(printf '%s' "$GK_TEST_PG_URL" | sed -E "s|(postgresql://[^/]*/)[^?]*|\1$pg_db|")
else
  db=$work/gongkai.db
fi
"$bin" demo --db "$db" --password Kill-test-2024 >/dev/null

start() {
  # A random port may be taken (by another test or an outgoing connection): a server that
  # exits at once is started again on another one.
  for _ in 1 2 3 4 5; do
    port=$(( 30000 + RANDOM % 20000 ))
    # --behind-proxy: the loop below gives every request an address of its own (X-Real-IP),
    # so the per-address limit of the form does not stop it.
    "$bin" serve --db "$db" --data-dir "$work" --listen "127.0.0.1:$port" --behind-proxy >>"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 150); do
      curl -fs -o /dev/null "http://127.0.0.1:$port/robots.txt" && return 0
      kill -0 "$server" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$server" 2>/dev/null; then break; fi  # running but not answering: a real failure
    wait "$server" 2>/dev/null || true
  done
  echo "kill_server: the server did not start" >&2
  cat "$work/server.log" >&2
  exit 1
}

start
url=http://127.0.0.1:$port
body='{"agency":"cxswj","applicant_kind":"natural_person","applicant_name":"测试申请人","description":"申请公开2013年度商贸流通项目资金安排情况。","delivery_form":"electronic","delivery_method":"email","email":"a@example.com","id_type":"passport","id_number":"E12345678"}'

# Submit in a loop; keep every acknowledged code with its secret.
(
  i=0
  while :; do
    i=$((i + 1))
    out=$(curl -s --max-time 10 -w '\n%{http_code}' -H "Content-Type: application/json" \
          -H "Idempotency-Key: kill-$$-$(printf '%08d' "$i")-key" -H "X-Real-IP: 10.$((i / 65536 % 256)).$((i / 256 % 256)).$((i % 256))" \
          --data "$body" "$url/api/v1/requests" || true)
    status=${out##*$'\n'}
    if [ "$status" = 201 ]; then
      code=$(printf '%s' "$out" | sed -n 's/.*"tracking_code":"\([^"]*\)".*/\1/p')
      secret=$(printf '%s' "$out" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
      echo "$code $secret" >>"$work/acked"
    fi
  done
) &
loop=$!

# Kill the server once some requests are in, while more are arriving.
for _ in $(seq 300); do
  [ -s "$work/acked" ] && [ "$(wc -l <"$work/acked")" -ge 20 ] && break
  sleep 0.1
done
kill -9 "$server"
wait "$server" 2>/dev/null || true
server=""
sleep 0.3
kill "$loop" 2>/dev/null || true
wait "$loop" 2>/dev/null || true
loop=""

acked=$(wc -l <"$work/acked" 2>/dev/null || echo 0)
[ "$acked" -ge 20 ] || { echo "kill_server: only $acked requests were acknowledged before the kill" >&2; exit 1; }

start
lost=0
while read -r code secret; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/requests/$code?secret=$secret")
  if [ "$status" != 200 ]; then
    echo "kill_server: acknowledged request $code answers $status after the restart" >&2
    lost=$((lost + 1))
  fi
done <"$work/acked"
[ "$lost" -eq 0 ] || exit 1
echo "kill_server ($backend): all $acked acknowledged requests are there after SIGKILL and restart"
