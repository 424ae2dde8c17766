// Migration 13: an item body is stored once, as sanitised HTML. Its plain text (for the search
// index, snippets and the API) is derived when needed (render/body_text.h): keeping it beside
// the HTML doubled the revisions table (4.9 GB instead of 2.5 GB at 1,000,000 imported items)
// and the bytes every import writes. SQLite rewrites the table to drop the column, once.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0013 = {13, "body-once", R"SQL(
ALTER TABLE item_revisions DROP COLUMN body_text;
)SQL"};

}  // namespace gongkai::store
