#!/usr/bin/env bash
# Installs the Debian 12 packages Gongkai needs to build, run and test.
# Idempotent: packages already present are left alone; nothing runs when all are there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libpoco-dev libsqlite3-dev sqlite3 libpq-dev postgresql
  libctemplate-dev libicu-dev libopencc-dev opencc libargon2-dev libgumbo-dev libmagic-dev
  libpango1.0-dev libcairo2-dev libxlsxwriter-dev fonts-noto-cjk
  libgtest-dev libgmock-dev
  poppler-utils
  librsvg2-dev
  libjemalloc-dev
  libreoffice-writer-nogui libreoffice-calc-nogui
  chromium
  nginx wrk hyperfine curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Node.js may come from elsewhere (its own npm bundled); only ask Debian when it is absent.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
