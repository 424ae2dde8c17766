#!/usr/bin/env bash
# Runs tests/office/report_exports.test.mjs: the annual report's DOCX and XLSX read back by
# LibreOffice and its PDF by poppler, against the report's own HTML.
#   tests/office/run.sh PATH/TO/gongkai
# Exit status 77 (CTest SKIP_RETURN_CODE) when LibreOffice (soffice) or pdftotext is missing:
# scripts/install-deps.sh installs libreoffice-writer-nogui, libreoffice-calc-nogui and
# poppler-utils.
set -euo pipefail
bin=${1:?path to the gongkai binary}
for tool in soffice pdftotext pdfimages node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "office test: $tool not found: skipping (run scripts/install-deps.sh)" >&2
    exit 77
  fi
done
root=$(cd "$(dirname "$0")/../.." && pwd)
export GK_BIN=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
cd "$root"
exec node --test --test-reporter=tap tests/office/report_exports.test.mjs
