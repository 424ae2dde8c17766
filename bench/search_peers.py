#!/usr/bin/python3
"""The search benchmark's engines other than Gongkai's store, and its measurements.

Subcommands (all paths are files in the scratch directory of bench/search.sh):
  truth CORPUS QUERIES OUT.pkl      the substring truth: for each query, the ids of the
                                    documents whose title, body or meta contains every word
                                    of it (after NFKC and lower-case folding; never across
                                    two fields)
  xapian-build CORPUS DBDIR         Xapian index (FLAG_CJK_NGRAM; title wdf x10, meta x5,
                                    publish date as value 0; no positions)
  xapian-run DBDIR QUERIES OUT TRUTH.pkl   timed first pages, then recall of the full sets
  sphinx-conf CORPUS DIR PORT       writes DIR/sphinx.conf (ngram_len = 1 over CJK)
  sphinx-tsv CORPUS                 the corpus as Sphinx's tsvpipe reads it (standard output)
  sphinx-run PORT QUERIES OUT TRUTH.pkl    the same over SphinxQL
  http-run URL QUERIES OUT          timed first pages of Gongkai's /api/v1/search
  cli-run GONGKAI DB QUERIES OUT    in-process timing with `gongkai search --queries`
  ids-recall IDS TRUTH.pkl OUT      recall of the full sets printed by `gongkai search --ids`
  report OUT...                     one summary line per engine

CORPUS is TSV: id, publish_date, title, body, meta. QUERIES has one query a line (words
separated by spaces, all of which must match). Timed runs ask each engine, one query at a
time over one connection, for the first 20 results ranked by relevance (newer first on
ties) and the total count; a warm-up pass comes first and is not counted. OUT files are
JSON: {"engine", "passes": [seconds, ...], "latencies_ms": [...], "totals": [...],
"recall": {query: [truth, found, beyond the truth]}}.
"""
import bisect
import json
import os
import pickle
import statistics
import sys
import time
import unicodedata

PAGE = 20
PASSES = 3


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def fold(s):
    return unicodedata.normalize("NFKC", s).lower()


def corpus_rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            while len(p) < 5:
                p.append("")
            yield int(p[0]), p[1], p[2], p[3], p[4]


# ---- truth -------------------------------------------------------------------------------

def cmd_truth(corpus, queries, out):
    ids, starts, parts, pos = [], [], [], 0
    for did, _, title, body, meta in corpus_rows(corpus):
        text = fold(title) + "\x01" + fold(body) + "\x01" + fold(meta) + "\x00"
        ids.append(did)
        starts.append(pos)
        parts.append(text)
        pos += len(text)
    big = "".join(parts)
    del parts
    cache = {}

    def docs_with(word):
        if word in cache:
            return cache[word]
        found, p = set(), big.find(word)
        while p >= 0:
            k = bisect.bisect_right(starts, p) - 1
            found.add(ids[k])
            nxt = starts[k + 1] if k + 1 < len(starts) else len(big)
            p = big.find(word, nxt)
        cache[word] = found
        return found

    truth = {}
    t0 = time.time()
    for q in read_queries(queries):
        sets = [docs_with(fold(w)) for w in q.split()]
        truth[q] = set.intersection(*sets) if sets else set()
    with open(out, "wb") as f:
        pickle.dump({"docs": len(ids), "truth": truth, "seconds": time.time() - t0}, f)
    print(f"truth: {len(truth)} queries over {len(ids)} documents in {time.time() - t0:.1f} s")


# ---- timing helpers ------------------------------------------------------------------------

def load_truth(path):
    with open(path, "rb") as f:
        return pickle.load(f)["truth"]


def recall_of(truth_ids, got):
    """(truth size, found, results beyond the truth) for one query."""
    got = set(got)
    found = sum(1 for x in truth_ids if x in got)
    return len(truth_ids), found, len(got) - found


def timed(engine, queries, first_page, full_set, out, truth_path=None):
    """first_page(q) -> total; full_set(q) -> list of ids (recall, against the truth)."""
    for q in queries:  # warm-up, not counted
        first_page(q)
    passes, lat, totals = [], [], []
    for _ in range(PASSES):
        t0 = time.perf_counter()
        totals = []
        for q in queries:
            s = time.perf_counter()
            totals.append(first_page(q))
            lat.append((time.perf_counter() - s) * 1000)
        passes.append(time.perf_counter() - t0)
    res = {"engine": engine, "passes": passes, "latencies_ms": lat, "totals": totals, "recall": {}}
    if full_set is not None and truth_path:
        truth = load_truth(truth_path)
        for q in queries:
            res["recall"][q] = recall_of(truth[q], full_set(q))
    with open(out, "w") as f:
        json.dump(res, f)
    print(f"{engine}: {summary_line(res, len(queries))}")


def summary_line(res, n):
    qps = [n / s for s in res["passes"]]
    lat = sorted(res["latencies_ms"])
    p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
    return (f"qps per pass {', '.join(f'{x:.1f}' for x in qps)} (median {statistics.median(qps):.1f}); "
            f"latency median {statistics.median(lat):.2f} ms, p99 {p99:.1f} ms")


# ---- Xapian ---------------------------------------------------------------------------------

SHARD = 50000  # documents per Xapian shard


def xapian_build_shard(args):
    """Builds one shard from the corpus lines [first, first + SHARD) in memory, one flush."""
    import xapian
    corpus, shard_dir, first = args
    os.environ["XAPIAN_FLUSH_THRESHOLD"] = str(SHARD + 1)
    db = xapian.WritableDatabase(shard_dir, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    n = 0
    for k, (did, date, title, body, meta) in enumerate(corpus_rows(corpus)):
        if k < first:
            continue
        if k >= first + SHARD:
            break
        doc = xapian.Document()
        tg.set_document(doc)
        # Without positions: FLAG_CJK_NGRAM queries are ANDs of the query's unigrams and
        # bigrams (no phrases), so positions would only slow the build (3x here).
        tg.index_text_without_positions(title, 10)
        tg.index_text_without_positions(body)
        tg.index_text_without_positions(meta, 5)
        doc.add_value(0, date)
        db.replace_document(did, doc)
        n += 1
    db.commit()
    db.close()
    return n


def cmd_xapian_build(corpus, dbdir):
    """Shards of SHARD documents, built two at a time (each in memory with one flush), then
    merged by xapian-compact keeping the document ids. One database flushed every 50,000
    documents took 25 minutes for the first 150,000 of 900,000 here: each flush merges into
    everything written before."""
    import multiprocessing
    import shutil
    import subprocess
    t0 = time.time()
    with open(corpus, encoding="utf-8") as f:
        total = sum(1 for _ in f)
    shards = [(corpus, f"{dbdir}.shard{i:03d}", first) for i, first in enumerate(range(0, total, SHARD))]
    with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
        n = sum(pool.map(xapian_build_shard, shards))
    print(f"xapian: {len(shards)} shards, {n} documents, {time.time() - t0:.0f} s", flush=True)
    shutil.rmtree(dbdir, ignore_errors=True)
    if len(shards) == 1:
        os.rename(shards[0][1], dbdir)
    else:
        subprocess.run(["xapian-compact", "--no-renumber", "--multipass"] + [s[1] for s in shards] + [dbdir],
                       check=True, stdout=subprocess.DEVNULL)
        for s in shards:
            shutil.rmtree(s[1])
    print(f"xapian: built {n} documents in {time.time() - t0:.1f} s")


def cmd_xapian_run(dbdir, queries_path, out, truth_path=None):
    import xapian
    db = xapian.Database(dbdir)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM
    enq = xapian.Enquire(db)
    enq.set_sort_by_relevance_then_value(0, True)  # bm25, then the newer publish date
    queries = read_queries(queries_path)
    parsed = {q: qp.parse_query(q, flags) for q in queries}

    # XAPIAN_EXACT=1: count every match (check_at_least = all documents), as Gongkai and
    # Sphinx do; otherwise the total is Xapian's estimate, as Alaveteli shows it.
    exact = os.environ.get("XAPIAN_EXACT") == "1"
    check = db.get_doccount() if exact else 0

    def first_page(q):
        enq.set_query(parsed[q])
        m = enq.get_mset(0, PAGE, check)
        return m.get_matches_estimated()

    def full_set(q):
        e = xapian.Enquire(db)
        e.set_query(parsed[q])
        e.set_weighting_scheme(xapian.BoolWeight())
        e.set_docid_order(xapian.Enquire.ASCENDING)
        return [m.docid for m in e.get_mset(0, db.get_doccount())]

    timed("xapian-exact" if exact else "xapian", queries, first_page, full_set if truth_path else None, out, truth_path)


# ---- Sphinx ---------------------------------------------------------------------------------

def cmd_sphinx_conf(corpus, d, port):
    # tsvpipe: id, then the fields and attributes in the order declared.
    conf = f"""
source items
{{
    type = tsvpipe
    tsvpipe_command = /usr/bin/python3 {__file__} sphinx-tsv {corpus}
    tsvpipe_field = title
    tsvpipe_field = body
    tsvpipe_field = meta
    tsvpipe_attr_uint = pubday
}}
index items
{{
    source = items
    path = {d}/index/items
    charset_table = 0..9, A..Z->a..z, _, a..z, U+FF10..U+FF19->0..9, U+FF21..U+FF3A->a..z, U+FF41..U+FF5A->a..z
    ngram_len = 1
    ngram_chars = U+3000..U+2FA1F
}}
indexer
{{
    mem_limit = 1024M
}}
searchd
{{
    listen = 127.0.0.1:{port}:mysql41
    log = {d}/searchd.log
    query_log = {d}/query.log
    pid_file = {d}/searchd.pid
    binlog_path =
}}
"""
    with open(f"{d}/sphinx.conf", "w") as f:
        f.write(conf)


def cmd_sphinx_tsv(corpus):
    # id, title, body, meta and the publish date as a day number (for the recency tie-break).
    import datetime
    epoch = datetime.date(1970, 1, 1)
    out = sys.stdout
    for did, date, title, body, meta in corpus_rows(corpus):
        day = (datetime.date.fromisoformat(date) - epoch).days if date else 0
        out.write(f"{did}\t{title}\t{body}\t{meta}\t{day}\n")


def sphinx_match(q):
    # Each word a phrase (quoted), words ANDed: substring semantics over ngram_len = 1.
    return " ".join('"' + w.replace('"', " ") + '"' for w in q.split())


def cmd_sphinx_run(port, queries_path, out, truth_path=None):
    import pymysql
    conn = pymysql.connect(host="127.0.0.1", port=int(port), user="", charset="utf8")
    cur = conn.cursor()
    queries = read_queries(queries_path)

    def first_page(q):
        cur.execute("SELECT id FROM items WHERE MATCH(%s) ORDER BY WEIGHT() DESC, pubday DESC LIMIT 0, 20 "
                    "OPTION ranker = bm25, field_weights = (title = 10, body = 1, meta = 5)", (sphinx_match(q),))
        cur.fetchall()
        cur.execute("SHOW META LIKE 'total_found'")
        return int(cur.fetchone()[1])

    def full_set(q):
        cur.execute("SELECT id FROM items WHERE MATCH(%s) LIMIT 0, 1000000 OPTION max_matches = 1000000, ranker = none",
                    (sphinx_match(q),))
        return [r[0] for r in cur.fetchall()]

    timed("sphinx", queries, first_page, full_set, out, truth_path)


# ---- Gongkai --------------------------------------------------------------------------------

def cmd_http_run(url, queries_path, out):
    import http.client
    import urllib.parse
    u = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    queries = read_queries(queries_path)
    hits = [0]

    def first_page(q):
        conn.request("GET", "/api/v1/search?" + urllib.parse.urlencode({"q": q, "per_page": PAGE}))
        r = conn.getresponse()
        body = r.read()
        if r.getheader("X-Gongkai-Cache") == "hit":
            hits[0] += 1
        if r.status != 200:
            raise SystemExit(f"HTTP {r.status} for {q}: {body[:200]!r}")
        return json.loads(body)["total"]

    timed("gongkai-http", queries, first_page, None, out)
    print(f"gongkai-http: {hits[0]} answers from the page cache (web/page_cache.h)")


def cmd_cli_run(gongkai, db, queries_path, out):
    """In-process timing, as the peers are timed: `gongkai search --queries --passes N` runs
    the list PASSES + 1 times in one process and prints 'query<TAB>ms<TAB>total' lines; the
    first pass is the warm-up (reported apart: the caches of a server just started)."""
    import subprocess
    queries = read_queries(queries_path)
    t0 = time.perf_counter()
    text = subprocess.run([gongkai, "search", "--db", db, "--queries", queries_path, "--passes", str(PASSES + 1)],
                          check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t0
    rows = [line.split("\t") for line in text.splitlines()]
    n = len(queries)
    if len(rows) != n * (PASSES + 1):
        raise SystemExit(f"gongkai search printed {len(rows)} lines for {n} queries x {PASSES + 1} passes")
    blocks = [rows[i * n:(i + 1) * n] for i in range(PASSES + 1)]
    first = sum(float(r[1]) for r in blocks[0]) / 1000
    passes = [sum(float(r[1]) for r in b) / 1000 for b in blocks[1:]]
    lat = [float(r[1]) for b in blocks[1:] for r in b]
    totals = [int(r[2]) for r in blocks[-1]]
    print(f"gongkai-inproc: {wall:.1f} s with start-up; first pass (cold caches) {n / first:.1f} queries/s", flush=True)
    with open(out, "w") as f:
        json.dump({"engine": "gongkai-inproc", "passes": passes, "latencies_ms": lat, "totals": totals, "recall": {}}, f)
    print(f"gongkai-inproc: {summary_line({'passes': passes, 'latencies_ms': lat}, len(totals))}")


def cmd_ids_recall(ids_path, truth_path, out):
    """Recall of `gongkai search --ids --queries FILE` output ('query<TAB>id id …' lines)."""
    truth = load_truth(truth_path)
    rec = {}
    with open(ids_path, encoding="utf-8") as f:
        for line in f:
            q, _, rest = line.rstrip("\n").partition("\t")
            rec[q] = recall_of(truth[q], (int(x) for x in rest.split()))
    with open(out, "w") as f:
        json.dump({"engine": "gongkai", "passes": [], "latencies_ms": [], "totals": [], "recall": rec}, f)


# ---- report ---------------------------------------------------------------------------------

def cmd_report(*outs):
    for path in outs:
        with open(path) as f:
            res = json.load(f)
        line = res["engine"] + ": "
        if res["passes"]:
            line += summary_line(res, len(res["totals"])) + "; "
        if res["recall"]:
            want = sum(r[0] for r in res["recall"].values())
            found = sum(r[1] for r in res["recall"].values())
            extra = sum(r[2] for r in res["recall"].values())
            short = [f"{q}({r[0] - r[1]})" for q, r in res["recall"].items() if r[1] < r[0]]
            line += (f"recall {100 * found / max(want, 1):.3f}% ({found}/{want}), results beyond the truth {extra}, "
                     f"queries missing some: {len(short)} {' '.join(short[:10])}")
        print(line)


def main():
    cmds = {"truth": cmd_truth, "xapian-build": cmd_xapian_build, "xapian-run": cmd_xapian_run,
            "sphinx-conf": cmd_sphinx_conf, "sphinx-tsv": cmd_sphinx_tsv, "sphinx-run": cmd_sphinx_run, "http-run": cmd_http_run,
            "ids-recall": cmd_ids_recall, "cli-run": cmd_cli_run, "report": cmd_report}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        print(__doc__)
        sys.exit(2)
    cmds[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
