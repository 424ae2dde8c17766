#!/usr/bin/env bash
# Search at 1,000,000 items: Gongkai's ranked search (SQLite, through /api/v1/search and
# in-process through `gongkai search`) beside Xapian (FLAG_CJK_NGRAM, as Alaveteli uses it)
# and Sphinx (ngram_len = 1 over CJK), built in the same run from the same published items
# (title, body text, document number and keywords), with the 200 fixed queries of
# bench/search_queries.txt (1-8 characters; made by bench/make_search_queries.py).
#
# For each engine: build time and index size; a warm-up pass, then PASSES timed passes of
# the first page of 20 results ranked by relevance (bm25 with the title weighted 10 and the
# metadata 5, newer first on equal scores) plus the total, one query at a time over one
# connection: queries per second (median of the passes) and the median and p99 latency;
# then, untimed, each query's full result set against the substring truth (recall).
#
# usage: bench/search.sh [DB]     DB: the SQLite database bench/import.sh left behind
#                                 (default /tmp/gk-bench/gongkai.db); it is copied to
#                                 $WORK/gk.db once and never written.
# env:   GONGKAI  the binary (default build/gongkai; use a Release build)
#        WORK     scratch directory (default /tmp/gk-search; about 14 GB at 1,000,000 items)
#        STEPS    any of: corpus truth sphinx xapian gongkai report (default: all)
#        PASSES   timed passes (default 3); REINDEX=1 also times `gongkai reindex` on the copy;
#        RECALL=0 skips Gongkai's full result sets (they take ~25 min at 1,000,000 items)
# Needs python3-xapian, xapian-tools, sphinxsearch and python3-pymysql (installed here when missing; the
# product does not use them), sqlite3, curl and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=$(realpath "${GONGKAI:-build/gongkai}")
WORK=${WORK:-/tmp/gk-search}
SRC=${1:-/tmp/gk-bench/gongkai.db}
STEPS=${STEPS:-corpus truth sphinx xapian gongkai report}
export PASSES=${PASSES:-3}
PY=/usr/bin/python3
Q=$(realpath bench/search_queries.txt)
PEERS=$(realpath bench/search_peers.py)
OUT=$WORK/search-results.txt
G_PORT=${GONGKAI_PORT:-18491} S_PORT=${SPHINX_PORT:-19306}
mkdir -p "$WORK"
log() { echo "$*" | tee -a "$OUT"; }
step() { [[ " $STEPS " == *" $1 "* ]]; }
now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
load() { echo "load $(cut -d' ' -f1-3 /proc/loadavg); busiest: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,5p | awk '{printf "%s %s%%, ", $2, $1}')"; }

missing=()
for p in python3-xapian xapian-tools sphinxsearch python3-pymysql; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then apt-get install -y "${missing[@]}" >/dev/null; fi

log "# $(date -u +%FT%TZ) search benchmark, $(wc -l <"$Q") queries, $PASSES passes, $(nproc) cores; $(load)"

# The published items as the index holds them: id, publish date, title, body text, meta
# (the body's text is derived from its HTML by gongkai, as for its own index).
if step corpus; then
  t0=$(now)
  "$GONGKAI" search --texts --db "$SRC" >"$WORK/corpus.tsv"
  log "corpus: $(wc -l <"$WORK/corpus.tsv") published items, $(du -h "$WORK/corpus.tsv" | cut -f1) in $(since "$t0") s"
fi

if step truth; then
  $PY "$PEERS" truth "$WORK/corpus.tsv" "$Q" "$WORK/truth.pkl" | tee -a "$OUT"
fi

if step sphinx; then
  rm -rf "$WORK/sphinx" && mkdir -p "$WORK/sphinx/index"
  $PY "$PEERS" sphinx-conf "$WORK/corpus.tsv" "$WORK/sphinx" "$S_PORT"
  t0=$(now)
  indexer --config "$WORK/sphinx/sphinx.conf" --all --quiet
  log "sphinx: built in $(since "$t0") s, index $(du -sh "$WORK/sphinx/index" | cut -f1); $(load)"
  searchd --config "$WORK/sphinx/sphinx.conf" >/dev/null
  trap 'searchd --config "$WORK/sphinx/sphinx.conf" --stopwait >/dev/null 2>&1 || true' EXIT
  $PY "$PEERS" sphinx-run "$S_PORT" "$Q" "$WORK/sphinx.json" "$WORK/truth.pkl" | tee -a "$OUT"
  searchd --config "$WORK/sphinx/sphinx.conf" --stopwait >/dev/null 2>&1
  trap - EXIT
fi

if step xapian; then
  rm -rf "$WORK/xapian"
  t0=$(now)
  $PY "$PEERS" xapian-build "$WORK/corpus.tsv" "$WORK/xapian" >/dev/null
  log "xapian: built in $(since "$t0") s, index $(du -sh "$WORK/xapian" | cut -f1); $(load)"
  $PY "$PEERS" xapian-run "$WORK/xapian" "$Q" "$WORK/xapian.json" "$WORK/truth.pkl" | tee -a "$OUT"
  # The same with exact totals (Xapian's default total is an estimate).
  XAPIAN_EXACT=1 $PY "$PEERS" xapian-run "$WORK/xapian" "$Q" "$WORK/xapian-exact.json" | tee -a "$OUT"
fi

if step gongkai; then
  DB=$WORK/gk.db
  if [ ! -f "$DB" ]; then
    sqlite3 -readonly "$SRC" "PRAGMA wal_checkpoint" >/dev/null 2>&1 || true
    cp "$SRC" "$DB"
  fi
  "$GONGKAI" migrate --db "$DB" >/dev/null
  if [ "${REINDEX:-0}" = 1 ]; then
    t0=$(now)
    "$GONGKAI" reindex --db "$DB" --json >/dev/null
    log "gongkai: reindex (the whole FTS5 index rebuilt) in $(since "$t0") s"
  fi
  size=$(sqlite3 -readonly "$DB" "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%' GROUP BY name" |
    awk -F'|' '{t += $2; s = s $1 " " int($2 / 1048576) " MB, "} END {printf "%d MB (%s)", t / 1048576, s}')
  log "gongkai: index $size; $(load)"
  "$GONGKAI" serve --db "$DB" --listen "127.0.0.1:$G_PORT" --threads 4 --no-page-cache >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$G_PORT/robots.txt" >/dev/null 2>&1 && break; sleep 0.2; done
  # --no-page-cache: every answer is computed (the cache would answer repeats within a second).
  $PY "$PEERS" http-run "http://127.0.0.1:$G_PORT" "$Q" "$WORK/gongkai-http.json" | tee -a "$OUT"
  kill "$SERVER" && wait "$SERVER" 2>/dev/null || true
  trap - EXIT
  $PY "$PEERS" cli-run "$GONGKAI" "$DB" "$Q" "$WORK/gongkai-inproc.json" | tee -a "$OUT"
  if [ "${RECALL:-1}" = 1 ]; then
    t0=$(now)
    "$GONGKAI" search --db "$DB" --ids --queries "$Q" >"$WORK/gongkai-ids.txt"
    $PY "$PEERS" ids-recall "$WORK/gongkai-ids.txt" "$WORK/truth.pkl" "$WORK/gongkai.json"
    rm -f "$WORK/gongkai-ids.txt"
    log "gongkai: full result sets in $(since "$t0") s"
  fi
fi

if step report; then
  log "## summary $(date -u +%FT%TZ); $(load)"
  files=()
  for f in sphinx xapian xapian-exact gongkai-http gongkai-inproc gongkai; do [ -f "$WORK/$f.json" ] && files+=("$WORK/$f.json"); done
  $PY "$PEERS" report "${files[@]}" | tee -a "$OUT"
fi
