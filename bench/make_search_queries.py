#!/usr/bin/python3
"""Writes the fixed query set of bench/search.sh (bench/search_queries.txt) from a corpus.

Run once; the output is checked in so that every run measures the same 200 queries.
The corpus is the TSV that bench/search.sh exports (id, publish_date, title, body, meta).
Words come from jieba's segmentation of a sample of the corpus (Debian python3-jieba);
each is given its document frequency in the sample and the set is drawn across frequency
bands, so it holds very common single characters (局, 公), common words, rare words,
multi-word queries (AND) and a few words the corpus never contains. 1-8 CJK characters
per query (not counting the spaces between words).

usage: bench/make_search_queries.py CORPUS.tsv > bench/search_queries.txt
"""
import random
import re
import sys

import jieba

CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# Words of government text that the generated corpus does not use (zero-hit queries).
ABSENT = ["教育局", "医保报销", "棚户区改造", "河长制", "扶贫", "疫苗", "垃圾分类", "义务教育"]


def main():
    path = sys.argv[1]
    rng = random.Random(20261128)
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % 30 == 0:  # a spread sample: 30,000 of 900,000
                parts = line.rstrip("\n").split("\t")
                docs.append(" ".join(parts[2:]))
    jieba.setLogLevel(60)
    words = set()
    for d in docs[:3000]:
        for w in jieba.lcut(d):
            if CJK.match(w) and 2 <= len(w) <= 8:
                words.add(w)
    chars = {c for d in docs[:3000] for c in d if CJK.match(c)}
    big = "\x00".join(docs)

    def df(term):
        return sum(1 for d in docs if term in d) / len(docs)

    def bands(cands, edges):
        out = {e: [] for e in edges}
        for t in sorted(cands):
            f = df(t)
            for e in edges:
                if f >= e:
                    out[e].append(t)
                    break
        return out

    edges = [0.5, 0.1, 0.01, 0.001, 1e-9]
    queries = []

    def draw(cands, per_band):
        b = bands(cands, edges)
        for e, n in zip(edges, per_band):
            pool = b[e]
            rng.shuffle(pool)
            queries.extend(pool[:n])

    # 40 single characters, the most common ones first (局, 公, 商 …).
    draw(chars, [12, 10, 10, 4, 4])
    for c in "局公":
        if c not in queries:
            queries.insert(0, c)
    two = {w for w in words if len(w) == 2}
    mid = {w for w in words if 3 <= len(w) <= 4}
    long_ = {w for w in words if 5 <= len(w) <= 8}
    draw(two, [10, 15, 20, 10, 5])
    draw(mid, [5, 10, 10, 8, 5])
    draw(long_, [0, 4, 8, 6, 4])
    queries.extend(ABSENT[:4])
    # Multi-word queries: two or three words, at most 8 characters in all.
    pool = sorted(words | chars)
    multi = []
    while len(multi) < 30:
        k = 2 if len(multi) < 22 else 3
        ws = rng.sample(pool, k)
        if sum(len(w) for w in ws) > 8 or len(set(ws)) < k:
            continue
        # Prefer combinations that occur together in some document.
        if len(multi) < 25 and not any(all(w in d for w in ws) for d in docs[:5000]):
            continue
        multi.append(" ".join(ws))
    queries.extend(multi)
    seen = []
    for q in queries:
        if q not in seen:
            seen.append(q)
    fill = sorted(words - set(seen))
    rng.shuffle(fill)
    while len(seen) < 200:
        seen.append(fill.pop())
    for q in seen[:200]:
        print(q)


if __name__ == "__main__":
    main()
