// Migration 4: the full-text search index of published items (store/search_store.h).
//  SQLite: an FTS5 table with our tokenizer (store/fts5_tokenizer.h); rowid = item id;
//          columns title, body (the body as text) and meta (document number and keywords).
//  PostgreSQL: search_docs, one row per chunk of an item (store/search_pg_doc.h) with a
//          weighted tsvector under a GIN index.
// Both are filled from the published items already present, in the migration's transaction.
#include "store/migrations.h"
#include "store/search_store.h"

namespace gongkai::store {
namespace {

void fill_index(Conn& c) { reindex_search(c, std::nullopt); }

}  // namespace

extern const Migration kSchema0004 = {4, "search", "",
R"SQL(
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, meta, tokenize = 'gongkai');
)SQL",
R"SQL(
CREATE TABLE search_docs (
  item_id BIGINT NOT NULL REFERENCES items(id),
  chunk INTEGER NOT NULL,
  multi BOOLEAN NOT NULL,
  tsv TSVECTOR NOT NULL,
  PRIMARY KEY (item_id, chunk)
);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
)SQL",
fill_index};

}  // namespace gongkai::store
