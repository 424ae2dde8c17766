// Migration 14: search_stats, one row holding a lower bound of the length in tokens of
// every row of the SQLite search index, for the top-k ranking (store/fts5_rank.h): a row
// whose best possible score stays below the page's last one is not looked at further.
// Filled from the index already present. PostgreSQL has the row too, unused (0).
#include "store/migrations.h"
#include "store/search_store.h"

namespace gongkai::store {
namespace {

void fill(Conn& c) {
  c.query("INSERT INTO search_stats (id, min_doc_tokens) VALUES (1, 0)");
  refresh_min_doc_tokens(c);
}

}  // namespace

extern const Migration kSchema0014 = {14, "search-stats", R"SQL(
CREATE TABLE search_stats (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  min_doc_tokens {bigint} NOT NULL
);
)SQL",
"", "", fill};

}  // namespace gongkai::store
