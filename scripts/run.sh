#!/usr/bin/env bash
# `make run`: creates the data directory and the SQLite database, loads the demo agency
# when the database has no agency yet, and serves.
set -euo pipefail
bin=$1 data=$2 port=$3
mkdir -p "$data"
db="$data/gongkai.db"
"$bin" migrate --db "$db"
if [ "$("$bin" agency list --db "$db" --json)" = "[]" ]; then
  "$bin" demo --db "$db"
fi
echo "Gongkai: http://127.0.0.1:$port/  (demo log-ins: see 'gongkai demo --help'; password printed above on first load)"
exec "$bin" serve --db "$db" --listen "127.0.0.1:$port" --data-dir "$data"
