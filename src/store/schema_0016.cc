// Migration 16: search_lengths, the length in tokens of every row of the SQLite search
// index, 1,024 rows to a blob (store/fts5_rank.h): the top-k ranking reads a length per
// matching row, and FTS5's own %_docsize costs about 1 µs a row where an entry of a blob
// costs nothing. Filled from the index already present. It replaces search_length_bounds
// (migration 14), whose per-block minima only bounded a score. search_generation holds a
// random token that every write of the index replaces, under which the ranking keeps the
// phrases' row counts (store/fts5_rank.h). PostgreSQL has the tables too, unused.
#include "store/migrations.h"
#include "store/search_store.h"

namespace gongkai::store {

extern const Migration kSchema0016 = {16, "search-lengths", R"SQL(
CREATE TABLE search_lengths (
  block {bigint} PRIMARY KEY,
  lengths {blob} NOT NULL
);
CREATE TABLE search_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token {blob} NOT NULL
);
DROP TABLE search_length_bounds;
)SQL",
"", "", refresh_search_lengths};

}  // namespace gongkai::store
