#pragma once
// Our search tokenizer (search/tokenizer.h) as an SQLite FTS5 tokenizer named "gongkai".
//
// Contract. register_fts5_tokenizer(db) makes `tokenize = 'gongkai'` usable on that
// connection: FTS5_TOKENIZE_DOCUMENT and FTS5_TOKENIZE_AUX tokenize in document mode and
// pass FTS5_TOKEN_COLOCATED for colocated tokens; FTS5_TOKENIZE_QUERY (with or without
// FTS5_TOKENIZE_PREFIX) tokenizes in query mode. The tokenizer takes no arguments.
// Every SQLite connection registers it when it opens (sqlite_conn.cc), before any statement,
// so the connection that creates the FTS5 table (migration 4) has it too.

struct sqlite3;
struct fts5_api;

namespace gongkai::store {

inline constexpr const char* kFts5TokenizerName = "gongkai";

// Registers the tokenizer on `db`. Returns an SQLite result code (SQLITE_OK on success).
int register_fts5_tokenizer(sqlite3* db);

// The FTS5 extension API of `db` (for registering tokenizers and auxiliary functions), or
// nullptr when SQLite has no FTS5.
fts5_api* fts5_api_of(sqlite3* db);

}  // namespace gongkai::store
