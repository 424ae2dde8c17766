#pragma once
// Top-k bm25 ranking over SQLite FTS5 (store/search_store.h, "Ranking"). Registered on
// every SQLite connection as the auxiliary function gk_topk.
//
// Contract.
//  * The score is FTS5's own bm25 (k1 = 1.2, b = 0.75, idf clamped to 1e-6, document
//    length = tokens of the whole row), negated so that larger is better, with the column
//    weights given: run_fts5_topk gives the same scores as -bm25(search_fts, w0, w1, w2).
//  * run_fts5_topk returns the number of rows the MATCH expression matches and every row
//    whose score is at least the k-th best score (so rows tied with the k-th are all
//    there, for the caller's tie-break); in no particular order.
//  * Speed. FTS5's bm25 reads each row's length from the %_docsize table, about 1 µs a
//    row (1 s for a character found in 900,000 items), and is called once per row through
//    SQL (another 30 ns a row). gk_topk reads the lengths from search_lengths instead
//    (migration 16: the lengths of 1,024 rows in one blob), and reads a query of phrases
//    joined by AND (the usual query) one phrase at a time (xQueryPhrase, 15 ns a row): the
//    rarest phrase's rows with their term frequencies, then each further phrase's, taking
//    the frequencies of only the rows still in the intersection. bm25's idf needs each
//    phrase's row count: the passes give them, and they are kept for the index generation
//    (search_generation, replaced by every index write) in a cache the process's
//    connections share; with them known, a rare phrase ANDed with common ones goes to
//    FTS5's own intersection (row by row through SQL), which skips through the long row
//    lists. Queries with NOT go row by row through SQL as bm25 does.
//  * The table is search_fts (detail=full; the term frequencies are counted from the
//    position lists' bytes), its lengths search_lengths, its generation search_generation.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace gongkai::store {

class Conn;

// Rows per blob of search_lengths: row r is entry r % 1024 of block r / 1024, a 32-bit
// little-endian count of tokens; 0 = unknown (the length is then read from %_docsize).
inline constexpr int kLengthBlockShift = 10;
inline constexpr int64_t kLengthBlockRows = int64_t{1} << kLengthBlockShift;

// A block's blob, and back (missing entries 0): the one place that knows its layout.
std::string encode_lengths(const std::vector<uint32_t>& block);
void decode_lengths(std::string_view bytes, std::vector<uint32_t>* block);

struct Fts5Hit {
  int64_t rowid = 0;
  double score = 0;  // -bm25: larger is better
};

struct Fts5TopK {
  int64_t matched = 0;        // rows the expression matched
  std::vector<Fts5Hit> hits;  // rows scoring at least the k-th best (ties included)
  int64_t lengths_unknown = 0;  // rows whose length came from %_docsize (for tests)
  int64_t rows_scored = 0;      // rows whose exact score was computed (the rest were ruled out)
  bool row_by_row = false;      // read through SQL, FTS5 intersecting, not phrase by phrase
  int phrases_counted = 0;      // phrases whose row count was not known before this run
};

// Runs `match` (an FTS5 expression) on search_fts and keeps the best k rows by bm25 with
// `weights` (one per column; missing columns weigh 1). `phrases` are the quoted texts of
// match's phrases in FTS5's order (search::fts5_phrases), the keys under which their row
// counts are kept (empty: not kept). and_only says that `match` is phrases joined by AND
// only (no NOT, OR or NEAR), read phrase by phrase. Throws DbError on SQL errors.
Fts5TopK run_fts5_topk(Conn& c, const std::string& match, const std::vector<std::string>& phrases,
                       const std::vector<double>& weights, size_t k, bool and_only = false);

// The sum of the column sizes recorded in an FTS5 %_docsize blob (SQLite varints).
int64_t fts5_doc_tokens(const std::string& blob);

// Registers gk_topk on `db`. Returns an SQLite result code.
int register_fts5_rank(sqlite3* db);

}  // namespace gongkai::store
