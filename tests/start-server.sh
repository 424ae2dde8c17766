#!/usr/bin/env bash
# Starts and stops a Gongkai server with fresh demo data for the integration and browser tests.
#
#   tests/start-server.sh start BUILD_DIR sqlite|postgres PORT|auto STATE_DIR
#       Creates a fresh database (a SQLite file in a new temporary directory, or a new
#       database on the PostgreSQL server of $GK_TEST_PG_URL made with psql CREATE DATABASE),
#       loads `gongkai demo` with the test password, adds the test-only users, starts
#       `gongkai serve` in the background, waits until it answers and prints the base URL.
#       STATE_DIR receives: url (the base URL), pid, server.log, env (what stop needs).
#       With PORT "auto" (or if PORT is taken) a free port on 127.0.0.1 is found.
#   tests/start-server.sh stop STATE_DIR
#       Stops the server (TERM, then KILL after 30 s), drops the PostgreSQL database or removes
#       the temporary directory, and fails if the server log holds an AddressSanitizer or
#       UBSan report (the test build is sanitized: a report there is a real bug).
#
# Exit status 77 means "skipped": the postgres backend without $GK_TEST_PG_URL (unless
# $GK_REQUIRE_PG is set, when that is an error).
#
# Users: cxswj.admin, .office, .liaison, .head, .leader, .secrecy, .clerk (demo), plus
# cxswj.it-fail and cxswj.it-lock (科室联络员, 商贸流通科) that the log-in failure and lock-out
# tests may spoil. All have the password $GK_TEST_PASSWORD (default below).
set -euo pipefail

GK_TEST_PASSWORD=${GK_TEST_PASSWORD:-Gongkai-Test-2024}
export GK_TEST_PASSWORD

die() { echo "start-server: $*" >&2; exit 1; }

# A port nobody listens on now, at or after $1 (or random in 30000-49999 when "auto").
free_port() {
  local want=$1
  node -e '
    const net = require("net");
    let p = process.argv[1] === "auto" ? 30000 + Math.floor(Math.random() * 20000) : Number(process.argv[1]);
    let tries = 0;
    const attempt = () => {
      const s = net.createServer();
      s.once("error", () => { if (++tries > 200) process.exit(1); p = 30000 + Math.floor(Math.random() * 20000); attempt(); });
      s.listen(p, "127.0.0.1", () => { s.close(() => console.log(p)); });
    };
    attempt();' "$want"
}

# postgresql://user@host/db?query → the same URL naming database $2.
pg_url_with_db() {
  local url=$1 db=$2 base query rest
  base=${url%%\?*}
  query=${url#"$base"}
  rest=${base#*://}
  if [[ $rest == */* ]]; then base="${base%/*}/$db"; else base="$base/$db"; fi
  echo "$base$query"
}

wait_http() {
  local url=$1 pid=$2 secs=$3 i
  for ((i = 0; i < secs * 5; i++)); do
    if node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
                  .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$url/admin/login"; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

start() {
  local build=${1:?BUILD_DIR} backend=${2:?sqlite|postgres} port=${3:-auto} state=${4:?STATE_DIR}
  local bin
  bin=$(cd "$build" && pwd)/gongkai
  [ -x "$bin" ] || die "no gongkai binary at $bin"
  case "$backend" in sqlite | postgres) ;; *) die "backend must be sqlite or postgres" ;; esac
  if [ "$backend" = postgres ] && [ -z "${GK_TEST_PG_URL:-}" ]; then
    [ -n "${GK_REQUIRE_PG:-}" ] && die "GK_REQUIRE_PG is set but GK_TEST_PG_URL is empty"
    echo "start-server: GK_TEST_PG_URL not set: skipping the postgres server" >&2
    exit 77
  fi
  # A server left over from an interrupted run in the same state directory goes first.
  [ -f "$state/pid" ] && stop "$state" >/dev/null 2>&1 || true
  rm -rf "$state"
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  local tmp db
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-it-$backend.XXXXXX")
  echo "TMP_DIR=$tmp" >"$state/env"
  if [ "$backend" = sqlite ]; then
    db="$tmp/gongkai.db"
  else
    local dbname="gk_it_$(date +%s)_$$_$RANDOM"
    psql -X -q -v ON_ERROR_STOP=1 "$GK_TEST_PG_URL" -c "CREATE DATABASE $dbname" >/dev/null ||
      die "cannot create database $dbname on $GK_TEST_PG_URL"
    echo "PG_DB=$dbname" >>"$state/env"
    db=$(pg_url_with_db "$GK_TEST_PG_URL" "$dbname")
  fi
  echo "DB=$db" >>"$state/env"
  "$bin" demo --db "$db" --data-dir "$tmp" --password "$GK_TEST_PASSWORD" >"$state/demo.log" 2>&1 ||
    { cat "$state/demo.log" >&2; die "gongkai demo failed"; }
  for u in it-fail it-lock; do
    "$bin" user add "cxswj.$u" --db "$db" --data-dir "$tmp" --agency cxswj --name "测试用户 $u" \
      --roles liaison --department 商贸流通科 --password "$GK_TEST_PASSWORD" >>"$state/demo.log" 2>&1 ||
      { cat "$state/demo.log" >&2; die "gongkai user add cxswj.$u failed"; }
  done
  local attempt pid url
  for attempt in 1 2 3 4 5; do
    port=$(free_port "$port") || die "no free port"
    url="http://127.0.0.1:$port"
    # The server is detached from this script's stdout so that CTest does not wait for it.
    setsid "$bin" serve --db "$db" --data-dir "$tmp" --listen "127.0.0.1:$port" --threads 8 --pool 8 \
      >>"$state/server.log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$state/pid"
    if wait_http "$url" "$pid" 120; then
      echo "$url" >"$state/url"
      echo "$url"
      return 0
    fi
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      tail -n 40 "$state/server.log" >&2
      die "the server did not answer on $url within 120 s"
    fi
    rm -f "$state/pid"
    # Exited at once: most likely the port was taken between the check and the bind.
    grep -qiE "address (already )?in use|bind" "$state/server.log" || { tail -n 40 "$state/server.log" >&2; die "the server exited"; }
    port=auto
  done
  die "could not bind a port after 5 attempts"
}

stop() {
  local state=${1:?STATE_DIR} status=0 pid i
  [ -d "$state" ] || { echo "start-server: nothing to stop in $state"; return 0; }
  local TMP_DIR="" PG_DB="" DB=""
  # shellcheck disable=SC1091
  [ -f "$state/env" ] && . "$state/env"
  if [ -f "$state/pid" ]; then
    pid=$(cat "$state/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then
        echo "start-server: server $pid did not stop within 30 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        status=1
      fi
    fi
    rm -f "$state/pid"
  fi
  if [ -n "$PG_DB" ] && [ -n "${GK_TEST_PG_URL:-}" ]; then
    psql -X -q "$GK_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  [ -n "$TMP_DIR" ] && [ -d "$TMP_DIR" ] && rm -rf "$TMP_DIR"
  if [ -f "$state/server.log" ] && grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$state/server.log"; then
    echo "start-server: the server log has sanitizer reports ($state/server.log):" >&2
    grep -nE -A30 "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$state/server.log" | head -n 120 >&2
    status=1
  fi
  [ $status -eq 0 ] && echo "start-server: stopped the server of $state"
  return $status
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start BUILD_DIR sqlite|postgres PORT|auto STATE_DIR | stop STATE_DIR" >&2; exit 2 ;;
esac
