// gk_topk: bm25 top-k over FTS5 with the rows' lengths from one blob per 1,024 rows and
// ANDed phrases read one at a time (store/fts5_rank.h).
#include "store/fts5_rank.h"
#include "store/fts5_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <list>
#include <mutex>
#include <optional>
#include <queue>
#include <unordered_map>

#include "store/db.h"

namespace gongkai::store {
namespace {

constexpr double kK1 = 1.2;  // as FTS5's bm25
constexpr double kB = 0.75;

// bm25's term for a phrase of weighted frequency f in a row with dk (below): the score adds
// idf * saturation(f, dk) over the phrases, in this order of operations as FTS5 does.
double saturation(double f, double dk) { return (f * (kK1 + 1.0)) / (f + dk); }

struct Cand {
  int64_t rowid;
  double key;  // the score compared (without idf for one phrase, see run_fts5_topk)
  double f;    // weighted frequency (one phrase only)
  double dk;   // k1 * (1 - b + b * D / avgdl)
};

struct ByKey {
  bool operator()(const Cand& a, const Cand& b) const { return a.key > b.key; }  // min-heap
};

// The rows' lengths in tokens from the lengths table, one block at a time (the rows are
// visited in rowid order, so each block is read once); a row the table does not know is
// read from %_docsize.
class RowLengths {
 public:
  ~RowLengths() {
    sqlite3_finalize(block_st_);
    sqlite3_finalize(docsize_st_);
  }

  int open(sqlite3* db) {
    int rc = sqlite3_prepare_v2(db, "SELECT lengths FROM search_lengths WHERE block = ?", -1, &block_st_, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_prepare_v2(db, "SELECT sz FROM search_fts_docsize WHERE id = ?", -1, &docsize_st_, nullptr);
  }

  int get(int64_t rowid, double* tokens) {
    int64_t block = rowid >> kLengthBlockShift;
    if (block != block_) {
      if (int rc = load(block); rc != SQLITE_OK) return rc;
    }
    uint32_t n = lens_[static_cast<size_t>(rowid & (kLengthBlockRows - 1))];
    if (n == 0) {
      ++unknown;
      sqlite3_reset(docsize_st_);
      sqlite3_bind_int64(docsize_st_, 1, rowid);
      if (sqlite3_step(docsize_st_) != SQLITE_ROW) return SQLITE_CORRUPT;
      const auto* p = static_cast<const char*>(sqlite3_column_blob(docsize_st_, 0));
      n = static_cast<uint32_t>(fts5_doc_tokens(std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(docsize_st_, 0)))));
    }
    *tokens = n;
    return SQLITE_OK;
  }

  int64_t unknown = 0;

 private:
  int load(int64_t block) {
    block_ = block;
    sqlite3_reset(block_st_);
    sqlite3_bind_int64(block_st_, 1, block);
    int rc = sqlite3_step(block_st_);
    if (rc == SQLITE_ROW) {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(block_st_, 0));
      decode_lengths({p ? p : "", static_cast<size_t>(sqlite3_column_bytes(block_st_, 0))}, &lens_);
      return SQLITE_OK;
    }
    std::fill(lens_.begin(), lens_.end(), 0);  // a block never written
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }

  sqlite3_stmt* block_st_ = nullptr;
  sqlite3_stmt* docsize_st_ = nullptr;
  int64_t block_ = -1;
  std::vector<uint32_t> lens_ = std::vector<uint32_t>(kLengthBlockRows, 0);
};

// The number of rows each phrase matches, by its quoted text, for the index generations
// seen last (search_generation: a random token every index write replaces in its
// transaction), shared by the process's connections: bm25's idf needs them before a row
// can be scored, and counting a common character's rows reads its whole row list (13 ms
// for 900,000 rows) where FTS5 alone skips through it. A generation is never reused, so a
// count found under the token a reader sees is the count of the index it reads.
class PhraseCountCache {
 public:
  static PhraseCountCache& instance() {
    static PhraseCountCache cache;
    return cache;
  }

  std::optional<int64_t> get(const std::string& generation, const std::string& phrase) {
    std::lock_guard lock(mu_);
    for (const auto& [g, counts] : gens_) {
      if (g != generation) continue;
      auto it = counts.find(phrase);
      if (it != counts.end()) return it->second;
      break;
    }
    return std::nullopt;
  }

  void put(const std::string& generation, const std::string& phrase, int64_t hits) {
    std::lock_guard lock(mu_);
    auto it = std::find_if(gens_.begin(), gens_.end(), [&](const auto& e) { return e.first == generation; });
    if (it == gens_.end()) {
      gens_.emplace_front(generation, std::unordered_map<std::string, int64_t>{});
      if (gens_.size() > kGenerations) gens_.pop_back();
      it = gens_.begin();
    }
    if (it->second.size() < kPhrases) it->second[phrase] = hits;
  }

 private:
  static constexpr size_t kGenerations = 4;   // readers may still see the one before the last write
  static constexpr size_t kPhrases = 100000;  // per generation (about 10 MB at most)
  std::mutex mu_;
  std::list<std::pair<std::string, std::unordered_map<std::string, int64_t>>> gens_;  // newest first
};

// The index generation this connection sees; empty when there is none (no caching).
int read_generation(sqlite3* db, std::string* out) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT token FROM search_generation WHERE id = 1", -1, &st, nullptr);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st, 0));
    out->assign(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

// One run of gk_topk, reached through a thread-local pointer while run_fts5_topk's
// statement steps on this thread.
struct State {
  std::vector<double> weights;
  size_t k = 20;
  bool probe = true;     // first statement: look at the query only
  bool single = false;   // one phrase: rows read with xQueryPhrase
  bool and_only = false; // the phrases are only ANDed (no NOT): read phrase by phrase
  bool done = false;     // the probe did the whole run
  bool started = false;  // start() done
  bool ready = false;    // idf known
  std::vector<double> idf;
  double rows = 0;  // rows in the table
  double avgdl = 1;
  double inv_avgdl = 1;
  std::vector<double> freq;
  std::priority_queue<Cand, std::vector<Cand>, ByKey> heap;
  std::vector<Cand> ties;  // rows equal to the heap's minimum when they arrived or left
  RowLengths lengths;
  std::vector<std::string> keys;  // the phrases' quoted texts (the counts' keys), if given
  std::string generation;         // of the index read; empty: counts not kept
  std::vector<int64_t> known;     // each phrase's rows, -1 while not known
  Fts5TopK* out = nullptr;
  int rc = SQLITE_OK;

  double weight(int col) const { return col >= 0 && static_cast<size_t>(col) < weights.size() ? weights[col] : 1.0; }
  double dk(double tokens) const { return kK1 * (1 - kB + kB * tokens / avgdl); }

  // Whether a row of one phrase with frequency f scores below the heap's minimum, without
  // the two divisions of its score (most rows of a common phrase do; the margin leaves the
  // rows at the minimum, ties included, to the exact comparison in offer()).
  bool below_min(double f, double tokens) const {
    if (!full()) return false;
    double dk_approx = kK1 * (1 - kB) + kK1 * kB * inv_avgdl * tokens;
    return f * (kK1 + 1.0) < heap.top().key * (f + dk_approx) * (1 - 1e-9);
  }
  bool full() const { return heap.size() >= k; }

  // Table size, average length, the phrases' known row counts and the lengths' statements.
  int start(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db) {
    if (started) return SQLITE_OK;
    started = true;
    sqlite3_int64 n = 0, tokens = 0;
    int r = api->xRowCount(fts, &n);
    if (r == SQLITE_OK) r = api->xColumnTotalSize(fts, -1, &tokens);
    if (r != SQLITE_OK) return r;
    rows = static_cast<double>(n);
    avgdl = n > 0 && tokens > 0 ? static_cast<double>(tokens) / static_cast<double>(n) : 1.0;
    inv_avgdl = 1.0 / avgdl;
    freq.assign(api->xPhraseCount(fts), 0.0);
    idf.assign(freq.size(), 1.0);
    known.assign(freq.size(), -1);
    if (keys.size() == freq.size()) {
      if ((r = read_generation(db, &generation)) != SQLITE_OK) return r;
      for (size_t i = 0; i < keys.size() && !generation.empty(); ++i) {
        known[i] = PhraseCountCache::instance().get(generation, keys[i]).value_or(-1);
      }
    }
    return lengths.open(db);
  }

  bool all_known() const { return std::none_of(known.begin(), known.end(), [](int64_t h) { return h < 0; }); }

  // bm25's idf of a phrase from the rows it matches; remembered for the next query.
  void set_idf(size_t phrase, double hits) {
    if (known[phrase] < 0) ++out->phrases_counted;
    double v = std::log((rows - hits + 0.5) / (hits + 0.5));
    idf[phrase] = v <= 0.0 ? 1e-6 : v;
    known[phrase] = static_cast<int64_t>(hits);
    if (!generation.empty()) PhraseCountCache::instance().put(generation, keys[phrase], static_cast<int64_t>(hits));
  }

  void offer(const Cand& c) {
    ++out->rows_scored;
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

// The weighted frequency of one phrase in the current row: the column weights of its hits.
// xPhraseFirst gives the first hit and leaves the iterator on the rest of the row's
// position list, [it.a, it.b) in FTS5's format (SQLite varints: 1 starts a column, whose
// number follows; any other value is a position); counting those varints here instead of
// calling xPhraseNext once per hit takes a quarter off a common character's pass (展,
// 883,000 rows: 48 -> 37 ms).
int phrase_freq(const Fts5ExtensionApi* api, Fts5Context* fts, int phrase, const State* s, double* f) {
  Fts5PhraseIter it;
  int col = 0, off = 0;
  int rc = api->xPhraseFirst(fts, phrase, &it, &col, &off);
  if (rc != SQLITE_OK) return rc;
  if (col < 0) {
    *f = 0;
    return SQLITE_OK;
  }
  double w = s->weight(col), sum = w;
  const unsigned char* p = it.a;
  const unsigned char* end = it.b;
  while (p < end) {
    if (*p == 0x01) {  // a column: its number, then that column's first position
      ++p;
      uint32_t c = 0;
      while (p < end && (*p & 0x80)) c = (c << 7) | (*p++ & 0x7f);
      if (p < end) c = (c << 7) | *p++;
      w = s->weight(static_cast<int>(c));
      continue;
    }
    while (p < end && (*p & 0x80)) ++p;
    ++p;
    sum += w;
  }
  *f = sum;
  return SQLITE_OK;
}

// One row of a single-phrase query: the score without idf (idf is the same for all rows).
int single_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* s = static_cast<State*>(user);
  ++s->out->matched;
  double f = 0, tokens = 0;
  int64_t id = api->xRowid(fts);
  int rc = phrase_freq(api, fts, 0, s, &f);
  if (rc == SQLITE_OK) rc = s->lengths.get(id, &tokens);
  if (rc != SQLITE_OK || s->below_min(f, tokens)) return rc;
  double dk = s->dk(tokens);
  s->offer({id, saturation(f, dk), f, dk});
  return SQLITE_OK;
}

// ANDed phrases: the rows in every phrase read so far, with each phrase's frequency in them.
struct Intersection {
  State* s = nullptr;
  std::vector<int64_t> ids;            // ascending
  std::vector<std::vector<float>> f;   // by phrase read, aligned with ids (exact: sums of small weights)
  std::vector<int> order;              // the phrases in the order read
  std::vector<size_t> slot;            // phrase i's frequencies are f[slot[i]]
  // The pass over the next phrase.
  bool first = true;
  bool score = false;                  // the last pass, with every idf known: score as it goes
  size_t at = 0;
  int64_t hits = 0;                    // the phrase's rows (its idf count)
  std::vector<size_t> kept;            // indexes into ids of rows the phrase has too
  std::vector<float> next_f;
};

// Row j's score over the phrases in phrase order, as bm25 adds them up, given the last-read
// phrase's term `last` (its saturation, or k1 + 1 for a bound: bm25's ceiling for any
// frequency).
double and_score(const Intersection& x, size_t j, double dk, double last) {
  const State* s = x.s;
  double sc = 0.0;
  for (size_t i = 0; i < x.slot.size(); ++i) {
    sc += s->idf[i] * (x.slot[i] < x.f.size() ? saturation(x.f[x.slot[i]][j], dk) : last);
  }
  return sc;
}

// The last pass with every idf known: a row is scored where it is met, and its position
// list is read only when its score could still reach the page (most rows of a common
// character cannot).
int score_row(Intersection* x, const Fts5ExtensionApi* api, Fts5Context* fts, int64_t id, size_t j) {
  State* s = x->s;
  ++s->out->matched;
  double tokens = 0, f = 0;
  if (int rc = s->lengths.get(id, &tokens); rc != SQLITE_OK) return rc;
  double dk = s->dk(tokens);
  if (s->full() && and_score(*x, j, dk, kK1 + 1.0) < s->heap.top().key * (1 - 1e-9)) return SQLITE_OK;
  if (int rc = phrase_freq(api, fts, 0, s, &f); rc != SQLITE_OK) return rc;
  s->offer({id, and_score(*x, j, dk, saturation(f, dk)), 0, dk});
  return SQLITE_OK;
}

int intersect_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* x = static_cast<Intersection*>(user);
  ++x->hits;
  int64_t id = api->xRowid(fts);
  if (!x->first) {
    while (x->at < x->ids.size() && x->ids[x->at] < id) ++x->at;
    if (x->at == x->ids.size() || x->ids[x->at] != id) return SQLITE_OK;
    if (x->score) return score_row(x, api, fts, id, x->at++);
    x->kept.push_back(x->at++);
  } else {
    if (!x->ids.empty() && x->ids.back() >= id) return SQLITE_INTERNAL;  // not in rowid order
    x->ids.push_back(id);
  }
  double f = 0;
  int rc = phrase_freq(api, fts, 0, x->s, &f);
  x->next_f.push_back(static_cast<float>(f));
  return rc;
}

// Phrases only ANDed, one pass each: the phrase with fewest rows (when the counts are
// known; else the one with most tokens) first with the frequencies of all its rows, then
// each further phrase taking only the frequencies of rows still in the intersection. With
// every count known the last pass scores (score_row); else the scores follow the passes.
int run_and(State* s, const Fts5ExtensionApi* api, Fts5Context* fts) {
  int n = api->xPhraseCount(fts);
  Intersection x;
  x.s = s;
  x.order.resize(n);
  for (int i = 0; i < n; ++i) x.order[i] = i;
  const bool known = s->all_known();
  if (known) {
    std::stable_sort(x.order.begin(), x.order.end(), [&](int a, int b) { return s->known[a] < s->known[b]; });
    for (int i = 0; i < n; ++i) s->set_idf(static_cast<size_t>(i), static_cast<double>(s->known[i]));
  } else {
    std::stable_sort(x.order.begin(), x.order.end(),
                     [&](int a, int b) { return api->xPhraseSize(fts, a) > api->xPhraseSize(fts, b); });
  }
  x.slot.resize(n);
  for (int j = 0; j < n; ++j) x.slot[static_cast<size_t>(x.order[j])] = static_cast<size_t>(j);
  for (int k = 0; k < n; ++k) {
    int i = x.order[k];
    x.at = 0;
    x.hits = 0;
    x.kept.clear();
    x.next_f.clear();
    x.score = known && k == n - 1 && k > 0;
    int rc = api->xQueryPhrase(fts, i, &x, intersect_row);
    if (rc != SQLITE_OK) return rc;
    if (x.score) return SQLITE_OK;  // scored and counted as it went
    if (!known) s->set_idf(static_cast<size_t>(i), static_cast<double>(x.hits));
    if (!x.first) {
      size_t m = x.kept.size();
      for (size_t j = 0; j < m; ++j) x.ids[j] = x.ids[x.kept[j]];
      x.ids.resize(m);
      for (auto& fp : x.f) {
        for (size_t j = 0; j < m; ++j) fp[j] = fp[x.kept[j]];
        fp.resize(m);
      }
    }
    x.f.push_back(std::move(x.next_f));
    x.next_f = {};
    x.first = false;
  }
  s->out->matched = static_cast<int64_t>(x.ids.size());
  for (size_t r = 0; r < x.ids.size(); ++r) {
    double tokens = 0;
    if (int rc = s->lengths.get(x.ids[r], &tokens); rc != SQLITE_OK) return rc;
    double dk = s->dk(tokens);
    s->offer({x.ids[r], and_score(x, r, dk, 0.0), 0, dk});
  }
  return SQLITE_OK;
}

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<int64_t*>(user);
  return SQLITE_OK;
}

// Row by row through SQL (queries with NOT): as bm25, the idf of each phrase from the
// number of rows it matches on its own.
int prepare(State* s, const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db) {
  int rc = s->start(api, fts, db);
  for (size_t i = 0; i < s->freq.size() && rc == SQLITE_OK; ++i) {
    int64_t hits = s->known[i];
    if (hits < 0) rc = api->xQueryPhrase(fts, static_cast<int>(i), &hits, count_row);
    s->set_idf(i, static_cast<double>(hits));
  }
  s->ready = rc == SQLITE_OK;
  return rc;
}

// ANDed phrases whose row counts are known: whether FTS5's own intersection, row by row
// through SQL, costs less than a pass over every phrase's rows. Costs in ns fitted on the
// 1,000,000-item benchmark (docs/benchmarks.md): row by row, 20 a row of the rarest phrase,
// 50 per phrase's positions of each match, and 10 a row of the other phrases' lists, which
// FTS5 skips through in long jumps when the rarest is far rarer; phrase by phrase, 15 a row
// of each list, 40 a row of the rarest (its positions), 25 for each candidate a further
// pass meets and 25 more for the positions a middle pass keeps. The matches are estimated
// as if the phrases occurred independently. So a rare word with common characters goes row by row (0.5 ms instead of
// 15 for 加 足), three common characters phrase by phrase.
bool rows_are_cheaper(const State* s) {
  if (!s->all_known()) return false;
  std::vector<double> hits(s->known.begin(), s->known.end());
  std::sort(hits.begin(), hits.end());
  const double rarest = hits[0], n = static_cast<double>(hits.size());
  double rest = 0, running = rarest, by_phrase = 40 * rarest;
  for (size_t i = 1; i < hits.size(); ++i) {
    rest += hits[i];
    by_phrase += 15 * hits[i] + 25 * running;  // the pass, and each candidate met in it
    running *= s->rows > 0 ? hits[i] / s->rows : 0.0;
    if (i + 1 < hits.size()) by_phrase += 25 * running;  // a middle pass reads the positions of those kept
  }
  double by_rows = 20 * rarest + 50 * n * running + 10 * std::min(rest, 64 * rarest);
  return by_rows < by_phrase;
}

void gk_topk(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  State* s = g_state;
  if (!s) {
    sqlite3_result_error(ctx, "gk_topk is only called by run_fts5_topk", -1);
    return;
  }
  if (s->rc != SQLITE_OK) return;
  sqlite3* db = sqlite3_context_db_handle(ctx);
  if (s->probe) {
    s->single = api->xPhraseCount(fts) == 1;
    s->rc = s->start(api, fts, db);
    if (s->rc == SQLITE_OK && s->single) {
      s->rc = api->xQueryPhrase(fts, 0, s, single_row);
      if (s->rc == SQLITE_OK) s->set_idf(0, static_cast<double>(s->out->matched));
      s->done = true;
    } else if (s->rc == SQLITE_OK && s->and_only && !rows_are_cheaper(s)) {
      s->rc = run_and(s, api, fts);
      s->done = true;
    }
    if (s->rc != SQLITE_OK) sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  if (!s->ready && (s->rc = prepare(s, api, fts, db)) != SQLITE_OK) {
    sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  ++s->out->matched;
  int64_t id = api->xRowid(fts);
  double tokens = 0;
  for (size_t i = 0; i < s->freq.size() && s->rc == SQLITE_OK; ++i) {
    s->rc = phrase_freq(api, fts, static_cast<int>(i), s, &s->freq[i]);
  }
  if (s->rc == SQLITE_OK) s->rc = s->lengths.get(id, &tokens);
  if (s->rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, s->rc);
    return;
  }
  double dk = s->dk(tokens), sc = 0.0;
  for (size_t i = 0; i < s->freq.size(); ++i) sc += s->idf[i] * saturation(s->freq[i], dk);
  s->offer({id, sc, 0, dk});
}

struct Bind {
  explicit Bind(State* s) { g_state = s; }
  ~Bind() { g_state = nullptr; }
};

}  // namespace

Fts5TopK run_fts5_topk(Conn& c, const std::string& match, const std::vector<std::string>& phrases,
                       const std::vector<double>& weights, size_t k, bool and_only) {
  Fts5TopK out;
  State s;
  s.keys = phrases;
  s.weights = weights;
  s.k = std::max<size_t>(k, 1);
  s.and_only = and_only;
  s.out = &out;
  Bind bind(&s);
  // One phrase or ANDed phrases: the whole run happens in the first row's call.
  c.query("SELECT gk_topk(search_fts) FROM search_fts WHERE search_fts MATCH ? LIMIT 1", {match});
  if (!s.done) {
    // Row by row: gk_topk returns NULL, so no row comes back (a result row per match,
    // even an empty one, cost twice what the call does).
    s.probe = false;
    out.row_by_row = true;
    c.query("SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND gk_topk(search_fts) IS NOT NULL", {match});
  }
  if (s.rc != SQLITE_OK) throw DbError("FTS5_RANK", std::string("gk_topk: ") + sqlite3_errstr(s.rc));
  out.lengths_unknown = s.lengths.unknown;
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
    // The one phrase's idf (set from the rows it matched, as bm25 counts them) applied now.
    for (const auto& cnd : all) out.hits.push_back({cnd.rowid, 0.0 + s.idf[0] * saturation(cnd.f, cnd.dk)});
  } else {
    for (const auto& cnd : all) out.hits.push_back({cnd.rowid, cnd.key});
  }
  return out;
}

std::string encode_lengths(const std::vector<uint32_t>& block) {
  std::string out(block.size() * 4, '\0');
  for (size_t i = 0; i < block.size(); ++i) {
    for (int k = 0; k < 4; ++k) out[i * 4 + k] = static_cast<char>((block[i] >> (8 * k)) & 0xff);
  }
  return out;
}

void decode_lengths(std::string_view bytes, std::vector<uint32_t>* block) {
  block->assign(kLengthBlockRows, 0);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = std::min<size_t>(block->size(), bytes.size() / 4);
  for (size_t i = 0; i < n; ++i, p += 4) {
    (*block)[i] = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  }
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
