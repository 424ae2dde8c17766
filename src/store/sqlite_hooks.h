#pragma once
// Lets other modules (search: the FTS5 tokenizer) set up every new SQLite connection
// without store/ depending on them.

#include <functional>

struct sqlite3;

namespace gongkai::store {

// Registers fn to run on every SQLite connection opened after this call.
void add_sqlite_connection_hook(std::function<void(sqlite3*)> fn);
void run_sqlite_connection_hooks(sqlite3* db);

}  // namespace gongkai::store
