// The fts5_api glue for our tokenizer.
#include "store/fts5_tokenizer.h"

#include <sqlite3.h>

#include <new>

#include "search/tokenizer.h"

namespace gongkai::store {
namespace {

// The tokenizer has no state: every instance is this one object.
struct Instance {
  int unused = 0;
};
Instance g_instance;

int x_create(void*, const char**, int n_arg, Fts5Tokenizer** out) {
  if (n_arg != 0) return SQLITE_ERROR;  // no options
  *out = reinterpret_cast<Fts5Tokenizer*>(&g_instance);
  return SQLITE_OK;
}

void x_delete(Fts5Tokenizer*) {}

using TokenFn = int (*)(void*, int, const char*, int, int, int);

int x_tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n_text, TokenFn x_token) {
  if (n_text <= 0 || !text) return SQLITE_OK;
  auto mode = (flags & FTS5_TOKENIZE_QUERY) ? search::TokenizeMode::kQuery : search::TokenizeMode::kDocument;
  int rc = SQLITE_OK;
  try {
    search::for_each_token(std::string_view(text, static_cast<size_t>(n_text)), mode,
                           [&](const search::TokenView& t) {
                             int tflags = (mode == search::TokenizeMode::kDocument && t.colocated)
                                              ? FTS5_TOKEN_COLOCATED
                                              : 0;
                             rc = x_token(ctx, tflags, t.text.data(), static_cast<int>(t.text.size()),
                                          static_cast<int>(t.start), static_cast<int>(t.end));
                             return rc == SQLITE_OK;
                           });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;  // OpenCC data missing: the statement fails with an error
  }
  return rc;
}

fts5_tokenizer g_tokenizer = {x_create, x_delete, x_tokenize};

}  // namespace

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

int register_fts5_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api || api->iVersion < 2) return SQLITE_ERROR;
  return api->xCreateTokenizer(api, kFts5TokenizerName, nullptr, &g_tokenizer, nullptr);
}

}  // namespace gongkai::store
