// Migration 14: search_length_bounds, for each block of 1,024 item ids the length in tokens
// of the shortest row of the SQLite search index in it (a lower bound: writers lower it),
// for the top-k ranking (store/fts5_rank.h): a row whose best possible score stays below
// the page's last one is not looked at further. PostgreSQL has the table too, unused.
// Migration 16 replaced it with search_lengths (the exact lengths) and drops it, so it is
// no longer filled from the index here.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0014 = {14, "search-length-bounds", R"SQL(
CREATE TABLE search_length_bounds (
  block {bigint} PRIMARY KEY,
  min_tokens {bigint} NOT NULL
);
)SQL",
"", ""};

}  // namespace gongkai::store
