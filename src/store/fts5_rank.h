#pragma once
// Top-k bm25 ranking over SQLite FTS5 without scoring every match (store/search_store.h,
// "Ranking"). Registered on every SQLite connection as the auxiliary function gk_topk.
//
// Contract.
//  * The score is FTS5's own bm25 (k1 = 1.2, b = 0.75, idf clamped to 1e-6, document
//    length = tokens of the whole row), negated so that larger is better, with the column
//    weights given: run_fts5_topk gives the same scores as -bm25(search_fts, w0, w1, w2).
//  * run_fts5_topk returns the number of rows the MATCH expression matches and every row
//    whose score is at least the k-th best score (so rows tied with the k-th are all
//    there, for the caller's tie-break); in no particular order.
//  * Speed: FTS5's bm25 reads each row's length from the %_docsize table, which costs
//    about 1 µs a row (1 s for a character found in 900,000 items). gk_topk first takes
//    each row's weighted term frequency f from its position lists, bounds the row's score
//    from above with a lower bound of its length (the shortest row of its block of 1,024
//    rowids, kept in search_length_bounds, migration 14), and reads the length only when
//    that bound reaches the k-th best score found so far. A query of one phrase is read in one pass
//    over that phrase's rows (xQueryPhrase) instead of once per row through SQL; phrases
//    joined by AND only, one pass per phrase and the intersection of their rows.

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace gongkai::store {

class Conn;

// Lower bounds of the rows' lengths in tokens, by block of 2^kLengthBlockShift rowids.
inline constexpr int kLengthBlockShift = 10;
struct LengthBounds {
  std::vector<int64_t> min_tokens;  // by block; a row of a block beyond the end: 0
  int64_t at(int64_t rowid) const {
    auto b = static_cast<uint64_t>(rowid) >> kLengthBlockShift;
    return rowid >= 0 && b < min_tokens.size() ? min_tokens[b] : 0;
  }
};

struct Fts5Hit {
  int64_t rowid = 0;
  double score = 0;  // -bm25: larger is better
};

struct Fts5TopK {
  int64_t matched = 0;          // rows the expression matched
  std::vector<Fts5Hit> hits;    // rows scoring at least the k-th best (ties included)
  int64_t lengths_read = 0;     // rows whose exact score was computed (for tests and tuning)
};

// Runs `match` (an FTS5 expression) on `table` and keeps the best k rows by bm25 with
// `weights` (one per column; missing columns weigh 1). `bounds` must not exceed the
// length in tokens of any row (empty bounds are always correct, just slower). and_only
// says that `match` is phrases joined by AND only (no NOT, OR or NEAR): such a query is read
// one phrase at a time, as a single phrase is, instead of row by row through SQL.
// Throws DbError on SQL errors.
Fts5TopK run_fts5_topk(Conn& c, const std::string& table, const std::string& match, const std::vector<double>& weights,
                       size_t k, const LengthBounds& bounds, bool and_only = false);

// The sum of the column sizes recorded in an FTS5 %_docsize blob (SQLite varints).
int64_t fts5_doc_tokens(const std::string& blob);

// Registers gk_topk on `db`. Returns an SQLite result code.
int register_fts5_rank(sqlite3* db);

}  // namespace gongkai::store
