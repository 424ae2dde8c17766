#!/usr/bin/env bash
# Installs the Node.js packages of the integration and browser tests (package-lock.json)
# with `npm ci`, only when node_modules/ is missing or older than the lock file.
# Nothing here downloads a browser: the tests drive Debian's /usr/bin/chromium.
#   tests/npm-deps.sh          install if stale
#   tests/npm-deps.sh --force  always reinstall
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
stamp=node_modules/.gongkai-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "npm-deps: installing test packages from package-lock.json (npm ci)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
