#pragma once
// The full-text index of published items and searching it (migration 4, schema_0004.cc).
//
// Contract.
//  * The index holds exactly the items whose status is 'published', each with the title,
//    body text, document number and keywords of its published revision. Writers keep it in
//    step by calling index_item/unindex_item (or reindex_search after a bulk load) in the
//    same transaction as the change, except that a bulk import may queue its items
//    (queue_for_index) to be indexed after its commit: until index_queued reaches them,
//    those items are published but not yet found.
//  * SQLite: FTS5 table search_fts (rowid = item id; columns title, body, meta) with our
//    tokenizer. PostgreSQL: search_docs rows (item id, chunk, tsvector), see
//    store/search_pg_doc.h. Both answer the same queries: every term of the parsed query
//    (search/query.h) matches as a phrase of its tokens anywhere in the title, body or meta
//    (never across two of them), terms are ANDed, excluded terms must not match.
//  * Ranking (SearchSort::kRelevance): SQLite bm25 with column weights title 10, body 1,
//    meta 5 (computed by store/fts5_rank.h with the same scores, reading each ANDed phrase
//    once and the rows' lengths from search_lengths); PostgreSQL ts_rank with weights A (title) 1.0, B (body) 0.4, C (meta) 0.6 and
//    length normalisation 1; then the newer publish_date, then the higher item id.
//    kNewest/kOldest sort by publish_date then id.
//  * Filters are on the items table: agency, class (with its sub-classes), topic (with its
//    sub-topics), department, publication year range (inclusive) and validity.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "search/query.h"
#include "store/db.h"
#include "store/fts5_rank.h"

namespace gongkai::store {

// Writes the item's index entry from its published revision, replacing any old one; when
// the item is not published (draft, withdrawn, missing), removes its entry instead.
void index_item(Conn& c, int64_t item_id);

// Removes the item's index entry, if any.
void unindex_item(Conn& c, int64_t item_id);

// index_item for many items at once, with bulk writes (ids in any order, no duplicates).
void index_items(Conn& c, const std::vector<int64_t>& item_ids);

// The queue of items waiting for the index (migration 9). Queued items are indexed from
// their state when index_queued reaches them, so withdrawing or republishing one meanwhile
// needs nothing special.
void queue_for_index(Conn& c, const std::vector<int64_t>& item_ids);
// Indexes up to `limit` queued items, lowest ids first, and takes them off the queue, in
// the caller's transaction (throws DbError "NO_TX" without one); returns how many it took.
int64_t index_queued(Conn& c, int limit);
int64_t count_queued(Conn& c);

struct ReindexStats {
  int64_t items = 0;    // published items written
  int64_t removed = 0;  // entries removed first
  double seconds = 0;
};
// Called after each batch with the items written so far and the number to write.
using ReindexProgress = std::function<void(int64_t done, int64_t total)>;

// Rebuilds the index entries of one agency's items (or of all items), inside the caller's
// transaction (throws DbError "NO_TX" without one): removes the entries (SQLite, all items:
// drops and recreates the FTS5 table from its own definition, as deleting re-tokenizes every
// row), then reads the published items in id order, `batch` at a time, and writes them with
// bulk inserts (SQLite: one prepared INSERT; PostgreSQL: COPY into a temporary table, then
// one INSERT … SELECT with to_tsvector per batch). Readers see the old index until commit.
// Queued items stay queued (indexing them again changes nothing).
ReindexStats reindex_search(Conn& c, std::optional<int64_t> agency_id, const ReindexProgress& progress = {},
                            int batch = 1000);

// SQLite: the length in tokens (all columns) of each row of search_fts, 1,024 rows to a
// blob in search_lengths (migration 16), for the top-k ranking (store/fts5_rank.h); the
// index writers (index_item, index_items, reindex_search) set the entries of the rows they
// write in the same transaction. Rebuilds the whole table from FTS5's %_docsize.
void refresh_search_lengths(Conn& c);

// Number of items in the index, of one agency or of all.
int64_t count_indexed(Conn& c, std::optional<int64_t> agency_id);

// One published item's texts as its index entry is made from them.
struct IndexText {
  int64_t item_id = 0;
  std::string publish_date, title, body, meta;  // body: the text of the sanitised HTML
};
// Every published item's texts, in id order (`gongkai search --texts`).
void for_each_index_text(Conn& c, const std::function<void(const IndexText&)>& fn);

enum class SearchSort { kRelevance, kNewest, kOldest };

struct SearchFilter {
  std::optional<int64_t> agency_id;
  std::optional<int64_t> class_id;       // includes its sub-classes
  std::optional<int64_t> topic_id;       // includes its sub-topics
  std::optional<int64_t> department_id;
  std::optional<int> year_from, year_to;  // publication year, inclusive
  std::optional<std::string> validity;   // 有效 | 失效 | 废止
};

struct SearchQuery {
  search::Query query;  // must be ok()
  SearchFilter filter;
  SearchSort sort = SearchSort::kRelevance;
  int64_t offset = 0;
  int limit = 20;  // rows wanted; 0 counts only
};

struct SearchHitRow {
  int64_t item_id = 0;
  std::string index_no, title, agency_slug, agency_name, publish_date, validity;
  double rank = 0;  // larger is better (bm25 negated on SQLite)
};

struct SearchPage {
  int64_t total = 0;  // all matches, not just this page
  std::vector<SearchHitRow> rows;
};

// Runs a search. Throws std::invalid_argument when q.query is not ok().
SearchPage search_items(Conn& c, const SearchQuery& q);

// The texts snippets are made from: the published title and the first `max_chars`
// characters of the published body text (render/body_text.h) of each item (published items
// only; any order). SQLite reads them from the search index, which holds exactly these.
struct SnippetSource {
  int64_t item_id = 0;
  std::string title, body;
};
std::vector<SnippetSource> snippet_sources(Conn& c, const std::vector<int64_t>& item_ids, int max_chars);

// Lookups for naming filters when the agency is not given (ids are unique platform-wide).
struct FilterTarget {
  int64_t id = 0, agency_id = 0;
  std::string name;
  std::string scheme;  // class | topic | genre, "" for a department
};
std::optional<FilterTarget> find_category_any(Conn& c, int64_t category_id);
std::optional<FilterTarget> find_department_any(Conn& c, int64_t department_id);

}  // namespace gongkai::store
