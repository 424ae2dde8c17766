// gk_topk: bm25 top-k over FTS5 reading row lengths only where needed (store/fts5_rank.h).
#include "store/fts5_rank.h"
#include "store/fts5_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <queue>

#include "store/db.h"

namespace gongkai::store {
namespace {

constexpr double kK1 = 1.2;  // as FTS5's bm25
constexpr double kB = 0.75;

struct Cand {
  int64_t rowid;
  double key;  // the score compared (without idf for one phrase, see finish())
  double f;    // weighted frequency (one phrase only)
  double dk;   // k1 * (1 - b + b * D / avgdl)
};

struct ByKey {
  bool operator()(const Cand& a, const Cand& b) const { return a.key > b.key; }  // min-heap
};

// One run of gk_topk, reached through a thread-local pointer while run_fts5_topk's
// statement steps on this thread.
struct State {
  std::vector<double> weights;
  size_t k = 20;
  const LengthBounds* bounds = nullptr;
  bool probe = true;     // first statement: look at the query only
  bool single = false;   // one phrase: rows read with xQueryPhrase
  bool and_only = false; // the phrases are only ANDed (no NOT): read phrase by phrase
  bool done = false;     // the probe did the whole run
  std::string docsize_sql;
  bool ready = false;   // idf and avgdl known
  std::vector<double> idf;
  double rows = 0;  // rows in the table
  double avgdl = 1;
  std::vector<double> freq;
  std::priority_queue<Cand, std::vector<Cand>, ByKey> heap;
  std::vector<Cand> ties;  // rows equal to the heap's minimum when they arrived or left
  Fts5TopK* out = nullptr;
  int rc = SQLITE_OK;

  double weight(int col) const { return col >= 0 && static_cast<size_t>(col) < weights.size() ? weights[col] : 1.0; }
  double dk(double tokens) const { return kK1 * (1 - kB + kB * tokens / avgdl); }
  bool full() const { return heap.size() >= k; }

  void offer(const Cand& c) {
    if (!full()) {
      heap.push(c);
      return;
    }
    double min = heap.top().key;
    if (c.key < min) return;
    if (c.key == min) {
      ties.push_back(c);
      return;
    }
    Cand gone = heap.top();
    heap.pop();
    heap.push(c);
    if (gone.key >= heap.top().key) ties.push_back(gone);
    if (ties.size() > 4 * k + 1024) prune();
  }

  void prune() {
    double min = heap.top().key;
    std::erase_if(ties, [&](const Cand& c) { return c.key < min; });
  }
};

thread_local State* g_state = nullptr;

// One row of a single-phrase query: the score without idf (idf is the same for all rows).
int single_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* s = static_cast<State*>(user);
  ++s->out->matched;
  Fts5PhraseIter it;
  int col = 0, off = 0;
  double f = 0;
  int rc = api->xPhraseFirst(fts, 0, &it, &col, &off);
  if (rc != SQLITE_OK) return rc;
  for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) f += s->weight(col);
  if (s->full()) {
    double bound = (f * (kK1 + 1.0)) / (f + s->dk(static_cast<double>(s->bounds->at(api->xRowid(fts)))));
    if (bound < s->heap.top().key) return SQLITE_OK;
  }
  int tokens = 0;
  rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  ++s->out->lengths_read;
  double dk = s->dk(tokens);
  s->offer({api->xRowid(fts), (f * (kK1 + 1.0)) / (f + dk), f, dk});
  return SQLITE_OK;
}

// The rows of one phrase in rowid order with the phrase's weighted frequency in each.
struct PhraseRows {
  const State* s = nullptr;
  std::vector<int64_t> rowid;
  std::vector<double> f;
};

int collect_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* pr = static_cast<PhraseRows*>(user);
  Fts5PhraseIter it;
  int col = 0, off = 0;
  double f = 0;
  int rc = api->xPhraseFirst(fts, 0, &it, &col, &off);
  if (rc != SQLITE_OK) return rc;
  for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) f += pr->s->weight(col);
  pr->rowid.push_back(api->xRowid(fts));
  pr->f.push_back(f);
  return SQLITE_OK;
}

// The first index at or after `from` whose rowid is not below `id`. The ids asked for
// ascend, so the answer is usually a few rows on: look 1, 2, 4 … rows ahead, then search
// only that stretch (a search over all the remaining rows each time cost more than the
// rest of the intersection).
size_t seek(const std::vector<int64_t>& v, size_t from, int64_t id) {
  size_t lo = from, step = 1;
  while (lo + step <= v.size() && v[lo + step - 1] < id) {
    lo += step;
    step *= 2;
  }
  auto hi = v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), lo + step));
  return static_cast<size_t>(std::lower_bound(v.begin() + static_cast<std::ptrdiff_t>(lo), hi, id) - v.begin());
}

// Phrases only ANDed: each phrase's rows in one pass (xQueryPhrase, as for one phrase),
// their intersection in rowid order, then the bound and the length as for one phrase. The
// phrases' row counts are bm25's idf counts, so no pass is spent on those.
int run_and(State* s, const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db) {
  int n = api->xPhraseCount(fts);
  std::vector<PhraseRows> rows(n);
  for (int i = 0; i < n; ++i) {
    rows[i].s = s;
    int rc = api->xQueryPhrase(fts, i, &rows[i], collect_row);
    if (rc != SQLITE_OK) return rc;
    if (!std::is_sorted(rows[i].rowid.begin(), rows[i].rowid.end())) return SQLITE_INTERNAL;
    double idf = std::log((s->rows - static_cast<double>(rows[i].rowid.size()) + 0.5) /
                          (static_cast<double>(rows[i].rowid.size()) + 0.5));
    s->idf[i] = idf <= 0.0 ? 1e-6 : idf;
  }
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, s->docsize_sql.c_str(), -1, &st, nullptr);
  if (rc != SQLITE_OK) return rc;
  int driver = 0;
  for (int i = 1; i < n; ++i) {
    if (rows[i].rowid.size() < rows[driver].rowid.size()) driver = i;
  }
  std::vector<size_t> at(n, 0);
  for (size_t d = 0; d < rows[driver].rowid.size() && rc == SQLITE_OK; ++d) {
    int64_t id = rows[driver].rowid[d];
    bool all = true;
    for (int i = 0; i < n && all; ++i) {
      auto& v = rows[i].rowid;
      at[i] = seek(v, at[i], id);
      all = at[i] < v.size() && v[at[i]] == id;
      if (all) s->freq[i] = rows[i].f[at[i]];
    }
    if (!all) continue;
    ++s->out->matched;
    auto score = [&](double dk) {
      double sc = 0.0;
      for (int i = 0; i < n; ++i) sc += s->idf[i] * (s->freq[i] * (kK1 + 1.0)) / (s->freq[i] + dk);
      return sc;
    };
    if (s->full() && score(s->dk(static_cast<double>(s->bounds->at(id)))) < s->heap.top().key) continue;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
      rc = SQLITE_CORRUPT;
      break;
    }
    std::string blob(static_cast<const char*>(sqlite3_column_blob(st, 0)), static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    ++s->out->lengths_read;
    double dk = s->dk(static_cast<double>(fts5_doc_tokens(blob)));
    s->offer({id, score(dk), 0, dk});
  }
  sqlite3_finalize(st);
  return rc;
}

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<int64_t*>(user);
  return SQLITE_OK;
}

int prepare(State* s, const Fts5ExtensionApi* api, Fts5Context* fts) {
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  s->rows = static_cast<double>(rows);
  s->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  if (s->avgdl <= 0) s->avgdl = 1.0;
  int phrases = api->xPhraseCount(fts);
  s->freq.assign(phrases, 0.0);
  s->idf.assign(phrases, 1.0);
  if (!s->single) {
    // As bm25: idf of each phrase from the number of rows it matches on its own.
    for (int i = 0; i < phrases; ++i) {
      int64_t hits = 0;
      rc = api->xQueryPhrase(fts, i, &hits, count_row);
      if (rc != SQLITE_OK) return rc;
      double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
      s->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
  }
  s->ready = true;
  return SQLITE_OK;
}

void gk_topk(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  State* s = g_state;
  if (!s) {
    sqlite3_result_error(ctx, "gk_topk is only called by run_fts5_topk", -1);
    return;
  }
  if (s->rc != SQLITE_OK) return;
  if (s->probe) {
    s->single = api->xPhraseCount(fts) == 1;
    if (s->single) {
      s->rc = prepare(s, api, fts);
      if (s->rc == SQLITE_OK) s->rc = api->xQueryPhrase(fts, 0, s, single_row);
      s->done = true;
    } else if (s->and_only) {
      s->ready = true;  // run_and counts each phrase's rows itself
      sqlite3_int64 rows = 0, tokens = 0;
      s->rc = api->xRowCount(fts, &rows);
      if (s->rc == SQLITE_OK) s->rc = api->xColumnTotalSize(fts, -1, &tokens);
      if (s->rc == SQLITE_OK) {
        s->rows = static_cast<double>(rows);
        s->avgdl = rows > 0 && tokens > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
        s->freq.assign(api->xPhraseCount(fts), 0.0);
        s->idf.assign(s->freq.size(), 1.0);
        s->rc = run_and(s, api, fts, sqlite3_context_db_handle(ctx));
      }
      s->done = true;
    }
    if (s->rc != SQLITE_OK) sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  if (!s->ready && (s->rc = prepare(s, api, fts)) != SQLITE_OK) {
    sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  ++s->out->matched;
  std::fill(s->freq.begin(), s->freq.end(), 0.0);
  int nphrase = static_cast<int>(s->freq.size());
  for (int i = 0; i < nphrase; ++i) {
    Fts5PhraseIter it;
    int col = 0, off = 0;
    if ((s->rc = api->xPhraseFirst(fts, i, &it, &col, &off)) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, s->rc);
      return;
    }
    for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) s->freq[i] += s->weight(col);
  }
  auto score = [&](double dk) {
    double sc = 0.0;
    for (int i = 0; i < nphrase; ++i) sc += s->idf[i] * (s->freq[i] * (kK1 + 1.0)) / (s->freq[i] + dk);
    return sc;
  };
  if (s->full() && score(s->dk(static_cast<double>(s->bounds->at(api->xRowid(fts))))) < s->heap.top().key) return;
  int tokens = 0;
  if ((s->rc = api->xColumnSize(fts, -1, &tokens)) != SQLITE_OK) {
    sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  ++s->out->lengths_read;
  double dk = s->dk(tokens);
  s->offer({api->xRowid(fts), score(dk), 0, dk});
}

struct Bind {
  explicit Bind(State* s) { g_state = s; }
  ~Bind() { g_state = nullptr; }
};

}  // namespace

Fts5TopK run_fts5_topk(Conn& c, const std::string& table, const std::string& match, const std::vector<double>& weights,
                       size_t k, const LengthBounds& bounds, bool and_only) {
  Fts5TopK out;
  State s;
  s.weights = weights;
  s.k = std::max<size_t>(k, 1);
  s.bounds = &bounds;
  s.and_only = and_only;
  s.docsize_sql = "SELECT sz FROM \"" + table + "_docsize\" WHERE id = ?";
  s.out = &out;
  Bind bind(&s);
  const std::string sql = "SELECT gk_topk(" + table + ") FROM " + table + " WHERE " + table + " MATCH ?";
  c.query(sql + " LIMIT 1", {match});  // one phrase: the whole run happens here
  if (!s.done) {
    s.probe = false;
    c.query(sql, {match});
  }
  if (s.rc != SQLITE_OK) throw DbError("FTS5_RANK", std::string("gk_topk: ") + sqlite3_errstr(s.rc));
  double min = s.heap.empty() ? 0 : s.heap.top().key;
  std::vector<Cand> all;
  all.reserve(s.heap.size() + s.ties.size());
  while (!s.heap.empty()) {
    all.push_back(s.heap.top());
    s.heap.pop();
  }
  for (const auto& t : s.ties) {
    if (t.key >= min) all.push_back(t);
  }
  out.hits.reserve(all.size());
  if (s.single) {
    // The idf of the one phrase, from the rows it matched (as bm25 counts them), and the
    // score in bm25's own order of operations.
    double n = static_cast<double>(out.matched);
    double idf = std::log((s.rows - n + 0.5) / (n + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    for (const auto& cnd : all) out.hits.push_back({cnd.rowid, 0.0 + idf * (cnd.f * (kK1 + 1.0)) / (cnd.f + cnd.dk)});
  } else {
    for (const auto& cnd : all) out.hits.push_back({cnd.rowid, cnd.key});
  }
  return out;
}

int64_t fts5_doc_tokens(const std::string& blob) {
  int64_t sum = 0;
  size_t i = 0;
  while (i < blob.size()) {
    uint64_t v = 0;
    int n = 0;
    for (; i < blob.size() && n < 9; ++n) {
      auto b = static_cast<unsigned char>(blob[i++]);
      if (n == 8) {
        v = (v << 8) | b;
        break;
      }
      v = (v << 7) | (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    sum += static_cast<int64_t>(v);
  }
  return sum;
}

int register_fts5_rank(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api || api->iVersion < 2) return SQLITE_ERROR;
  return api->xCreateFunction(api, "gk_topk", nullptr, gk_topk, nullptr);
}

}  // namespace gongkai::store
