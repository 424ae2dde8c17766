#!/usr/bin/env bash
# Runs every test through CTest with a private PostgreSQL server started for the run
# and stopped afterwards, so the store and integration tests cover both backends.
set -euo pipefail
build=${1:-build-debug}
root=$(cd "$(dirname "$0")/.." && pwd)
pgdir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { "$root/tests/pg-server.sh" stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
export GK_TEST_PG_URL=$("$root/tests/pg-server.sh" start "$pgdir" "$port")
export GK_REQUIRE_PG=1
"$root/tests/npm-deps.sh"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 900
