#!/usr/bin/env bash
# Runs one Node.js test file (node --test) against the server that tests/start-server.sh
# started in STATE_DIR (a CTest fixture), with GK_BASE_URL, GK_BACKEND and GK_TEST_PASSWORD set.
#   tests/run-node-test.sh STATE_DIR sqlite|postgres FILE.test.mjs
# Exit status 77 (CTest SKIP_RETURN_CODE): the postgres backend without $GK_TEST_PG_URL.
# The TAP reporter ends with the summary lines (# tests, # pass, # fail, ...) whatever happened,
# failures included; nothing is printed after them.
set -euo pipefail
state=${1:?STATE_DIR}
backend=${2:?sqlite|postgres}
file=${3:?FILE}
root=$(cd "$(dirname "$0")/.." && pwd)

if [ "$backend" = postgres ] && [ -z "${GK_TEST_PG_URL:-}" ] && [ -z "${GK_REQUIRE_PG:-}" ]; then
  echo "GK_TEST_PG_URL not set: skipping $(basename "$file") on postgres" >&2
  exit 77
fi
if [ ! -s "$state/url" ]; then
  echo "run-node-test: no server URL in $state/url (did the server fixture start?)" >&2
  exit 1
fi
if grep -q "playwright" "$file" && [ ! -d "$root/node_modules/playwright-core" ]; then
  echo "run-node-test: node_modules/ is missing: run tests/npm-deps.sh first" >&2
  exit 1
fi

export GK_BASE_URL=$(cat "$state/url")
export GK_BACKEND=$backend
export GK_TEST_PASSWORD=${GK_TEST_PASSWORD:-Gongkai-Test-2024}
export GK_ARTIFACTS_DIR=${GK_ARTIFACTS_DIR:-$state/artifacts}
cd "$root"
# One file per CTest test: its tests run in order; CTest runs the files in parallel.
exec node --test --test-reporter=tap --test-concurrency=1 "$file"
