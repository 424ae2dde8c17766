#!/usr/bin/env bash
# Portal speed at 1,000,000 items: wrk throughput of an item page and the catalog's first page
# served by `gongkai serve` directly, through the shipped nginx configuration
# (deploy/nginx/gongkai.conf), and by nginx serving the identical response bytes as static
# files, all in one run; ratios to the static figure. Runs alternate (static, direct, nginx)
# RUNS times and the medians are reported.
#
# usage: bench/portal.sh [DB]        (default $WORK/gongkai.db, left by bench/import.sh)
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-bench)
#        DURATION seconds per wrk run (default 10), CONNECTIONS (default 32), RUNS (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-bench}
DB=${1:-$WORK/gongkai.db}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
RUNS=${RUNS:-3}
OUT=$WORK/portal-results.txt
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
G_PORT=18481 N_PORT=18482 S_PORT=18483
log() { echo "$*" | tee -a "$OUT"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ITEMS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM items")
# An item a thousand from the newest (ten in a small database such as the demo's).
INDEX_NO=$(sqlite3 "$DB" "SELECT index_no FROM items WHERE status = 'published' ORDER BY id DESC LIMIT 1 OFFSET $((ITEMS > 2000 ? 1000 : 10))")
log "# $(date -u +%FT%TZ) $DB: $ITEMS items; $(nproc) cores; wrk -t2 -c$CONNECTIONS -d${DURATION}s, $RUNS runs"

DIR=$WORK/portal-nginx
rm -rf "$DIR"
mkdir -p "$DIR/static/items" "$DIR/static/cxswj"
"$GONGKAI" serve --db "$DB" --listen "127.0.0.1:$G_PORT" --threads 16 --behind-proxy >"$WORK/portal-serve.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$G_PORT/robots.txt" >/dev/null 2>&1 && break; sleep 0.2; done

# The same response bytes as static files, with the content type gongkai sends.
ITEM_PATH="/items/$INDEX_NO"
CATALOG_PATH="/cxswj/catalog"
mkdir -p "$DIR/static$(dirname "$ITEM_PATH")"
curl -fs "http://127.0.0.1:$G_PORT$ITEM_PATH" -o "$DIR/static$ITEM_PATH"
curl -fs "http://127.0.0.1:$G_PORT$CATALOG_PATH" -o "$DIR/static$CATALOG_PATH"
log "item page $ITEM_PATH: $(stat -c %s "$DIR/static$ITEM_PATH") bytes; catalog $CATALOG_PATH: $(stat -c %s "$DIR/static$CATALOG_PATH") bytes"

sed -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$G_PORT;|" -e "s|listen 80;|listen 127.0.0.1:$N_PORT;|" \
    -e "s|/var/cache/nginx/gongkai|$DIR/cache|" deploy/nginx/gongkai.conf >"$DIR/gongkai.conf"
USER_LINE=""
[ "$(id -u)" -eq 0 ] && USER_LINE="user root;"
cat >"$DIR/nginx.conf" <<EOF
$USER_LINE
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/body;
  proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi;
  uwsgi_temp_path $DIR/uwsgi;
  scgi_temp_path $DIR/scgi;
  include $DIR/gongkai.conf;
  server {
    listen 127.0.0.1:$S_PORT;
    root $DIR/static;
    default_type "text/html; charset=utf-8";
    location / { try_files \$uri =404; }
  }
}
EOF
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf"
sleep 0.5
for p in "$ITEM_PATH" "$CATALOG_PATH"; do
  cmp -s <(curl -fs "http://127.0.0.1:$S_PORT$p") <(curl -fs "http://127.0.0.1:$N_PORT$p") ||
    echo "note: $p through nginx differs from the static copy (it may have been re-rendered)" >&2
done

rps() {
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | awk '$1 == "Requests/sec:" {print $2}'
}
for page in item catalog; do
  path=$ITEM_PATH
  [ "$page" = catalog ] && path=$CATALOG_PATH
  s=() d=() n=()
  for run in $(seq "$RUNS"); do
    s+=("$(rps "http://127.0.0.1:$S_PORT$path")")
    # nginx's idle connections from the previous run each hold a gongkai thread until they
    # time out (4 s, deploy/nginx/gongkai.conf): let them close so the direct run has all.
    sleep 5
    d+=("$(rps "http://127.0.0.1:$G_PORT$path")")
    n+=("$(rps "http://127.0.0.1:$N_PORT$path")")
    log "$page run $run: static ${s[-1]} req/s, gongkai ${d[-1]}, through nginx ${n[-1]}; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  ms=$(printf '%s\n' "${s[@]}" | median); md=$(printf '%s\n' "${d[@]}" | median); mn=$(printf '%s\n' "${n[@]}" | median)
  log "$page median: static $ms req/s; gongkai $md ($(echo "$md / $ms" | bc -l | xargs printf '%.2f')); through nginx $mn ($(echo "$mn / $ms" | bc -l | xargs printf '%.2f'))"
done
