// SQLite backend: one sqlite3 handle, WAL, a cache of prepared statements.
#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

#include "store/db.h"
#include "store/fts5_rank.h"
#include "store/fts5_tokenizer.h"
#include "store/sqlite_hooks.h"

namespace gongkai::store {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
  const char* name = sqlite3_errstr(rc);
  (void)name;
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  std::string code;
  switch (ext) {
    case SQLITE_CONSTRAINT_UNIQUE: code = "SQLITE_CONSTRAINT_UNIQUE"; break;
    case SQLITE_CONSTRAINT_PRIMARYKEY: code = "SQLITE_CONSTRAINT_PRIMARYKEY"; break;
    case SQLITE_CONSTRAINT_FOREIGNKEY: code = "SQLITE_CONSTRAINT_FOREIGNKEY"; break;
    case SQLITE_CONSTRAINT_NOTNULL: code = "SQLITE_CONSTRAINT_NOTNULL"; break;
    case SQLITE_CONSTRAINT_CHECK: code = "SQLITE_CONSTRAINT_CHECK"; break;
    default:
      switch (rc & 0xff) {
        case SQLITE_BUSY: code = "SQLITE_BUSY"; break;
        case SQLITE_LOCKED: code = "SQLITE_LOCKED"; break;
        case SQLITE_CONSTRAINT: code = "SQLITE_CONSTRAINT"; break;
        case SQLITE_CORRUPT: code = "SQLITE_CORRUPT"; break;
        case SQLITE_FULL: code = "SQLITE_FULL"; break;
        case SQLITE_CANTOPEN: code = "SQLITE_CANTOPEN"; break;
        default: code = "SQLITE_ERROR(" + std::to_string(ext) + ")";
      }
  }
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DbError(code, msg + " [" + std::string(context.substr(0, 200)) + "]");
}

class SqliteConn final : public Conn {
 public:
  explicit SqliteConn(const std::string& path) {
    static std::once_flag configured;
    // Nothing reads SQLite's global memory statistics, and keeping them takes a global mutex
    // on every allocation (5 % of a large import). Must precede the first open.
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "cannot open";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError("SQLITE_CANTOPEN", "cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 15000);
    // page_size applies only when the file is created (before WAL): with 8 KiB pages a
    // 1,000,000-item import is 13 % faster than with SQLite's 4 KiB (docs/benchmarks.md);
    // existing files keep theirs.
    exec("PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
         "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
    register_fts5_tokenizer(db_);  // the search index (store/fts5_tokenizer.h)
    register_fts5_rank(db_);       // its top-k ranking (store/fts5_rank.h)
    run_sqlite_connection_hooks(db_);
  }

  ~SqliteConn() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::kSqlite; }

  Rows query(std::string_view sql, const Params& params) override {
    Rows rows;
    run(sql, params, [&](sqlite3_stmt* st) { rows.emplace_back(read_row(st)); });
    return rows;
  }

  void for_each(std::string_view sql, const Params& params,
                const std::function<void(const Row&)>& fn) override {
    run(sql, params, [&](sqlite3_stmt* st) { fn(read_row(st)); });
  }

  void exec(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) fail(db_, rc, sql);
  }

  int64_t changes() override { return sqlite3_changes64(db_); }

  void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                   const std::vector<Params>& rows) override {
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    std::string marks;
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    for (const auto& r : rows) run(sql, r, [](sqlite3_stmt*) {});
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc, sql);
    if (cache_.size() > 500) {
      for (auto& [k, s] : cache_) sqlite3_finalize(s);
      cache_.clear();
    }
    cache_.emplace(std::move(key), st);
    return st;
  }

  template <typename F>
  void run(std::string_view sql, const Params& params, F&& on_row) {
    sqlite3_stmt* st = prepare(sql);
    struct Reset {
      sqlite3_stmt* st;
      ~Reset() { sqlite3_reset(st); sqlite3_clear_bindings(st); }
    } reset{st};
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(st)) {
      throw DbError("BIND_COUNT", "expected " + std::to_string(sqlite3_bind_parameter_count(st)) +
                                      " parameters, got " + std::to_string(params.size()) + " [" +
                                      std::string(sql.substr(0, 200)) + "]");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      int idx = static_cast<int>(i + 1), rc;
      if (v.is_null()) rc = sqlite3_bind_null(st, idx);
      else if (v.is_int()) rc = sqlite3_bind_int64(st, idx, v.as_int());
      else if (v.is_real()) rc = sqlite3_bind_double(st, idx, v.as_real());
      // The parameters outlive the step and Reset unbinds them, so SQLite may read them in place.
      else if (v.is_blob()) {
        const std::string& b = *v.stored_bytes();
        rc = sqlite3_bind_blob64(st, idx, b.data(), b.size(), SQLITE_STATIC);
      } else {
        const std::string& t = *v.stored_bytes();
        rc = sqlite3_bind_text64(st, idx, t.data(), t.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(db_, rc, sql);
    }
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) on_row(st);
      else if (rc == SQLITE_DONE) break;
      else fail(db_, rc, sql);
    }
  }

  static Row read_row(sqlite3_stmt* st) {
    int n = sqlite3_column_count(st);
    std::vector<Value> cols;
    cols.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL: cols.emplace_back(); break;
        case SQLITE_INTEGER: cols.emplace_back(static_cast<long long>(sqlite3_column_int64(st, i))); break;
        case SQLITE_FLOAT: cols.emplace_back(sqlite3_column_double(st, i)); break;
        default: {
          const char* p = reinterpret_cast<const char*>(sqlite3_column_blob(st, i));
          int len = sqlite3_column_bytes(st, i);
          cols.emplace_back(std::string(p ? p : "", static_cast<size_t>(len)));
        }
      }
    }
    return Row(std::move(cols));
  }

  sqlite3* db_ = nullptr;
  // Looked up by string_view, so that finding a cached statement allocates nothing.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

}  // namespace

std::unique_ptr<Conn> open_sqlite(const std::string& path) { return std::make_unique<SqliteConn>(path); }

}  // namespace gongkai::store
