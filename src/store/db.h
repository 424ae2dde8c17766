#pragma once
// The data-access layer: one small interface over the sqlite3 C API and libpq.
// SQL is written once with `?` placeholders; the PostgreSQL backend rewrites them to $n.
// Errors are thrown as DbError carrying the SQLite result code name or the SQLSTATE.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gongkai::store {

enum class Backend { kSqlite, kPostgres };

// A database error. code() is e.g. "SQLITE_CONSTRAINT_UNIQUE" or the SQLSTATE "23505".
class DbError : public std::runtime_error {
 public:
  DbError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }
  bool unique_violation() const;
  // True for errors that a retry of the whole transaction may cure (busy, serialization).
  bool retryable() const;

 private:
  std::string code_;
};

// Binary data as a parameter (BLOB in SQLite, BYTEA in PostgreSQL).
struct Blob {
  std::string bytes;
};

// A parameter or a column value: NULL, integer, real, text or blob. Blob columns read
// back as text holding the raw bytes.
class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}
  Value(int v) : v_(int64_t{v}) {}
  Value(long v) : v_(int64_t{v}) {}
  Value(long long v) : v_(int64_t{v}) {}
  Value(unsigned v) : v_(int64_t{v}) {}
  Value(bool v) : v_(int64_t{v ? 1 : 0}) {}
  Value(double v) : v_(v) {}
  Value(const char* v) : v_(std::string(v)) {}
  Value(std::string v) : v_(std::move(v)) {}
  Value(std::string_view v) : v_(std::string(v)) {}
  Value(Blob b) : v_(std::move(b)) {}
  template <typename T>
  Value(const std::optional<T>& v) { if (v) *this = Value(*v); }

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_int() const { return std::holds_alternative<int64_t>(v_); }
  bool is_real() const { return std::holds_alternative<double>(v_); }
  bool is_blob() const { return std::holds_alternative<Blob>(v_); }
  // Integer value; text is parsed (PostgreSQL returns text). NULL gives 0.
  int64_t as_int() const;
  double as_real() const;
  // Text value; numbers are formatted. NULL gives "".
  std::string as_text() const;
  // The stored bytes of a text or blob value without a copy; nullptr for other kinds.
  const std::string* stored_bytes() const;

 private:
  std::variant<std::monostate, int64_t, double, std::string, Blob> v_;
};

using Params = std::vector<Value>;

// One result row; columns by position.
class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  size_t size() const { return cols_.size(); }
  bool is_null(size_t i) const { return cols_.at(i).is_null(); }
  int64_t i64(size_t i) const { return cols_.at(i).as_int(); }
  double real(size_t i) const { return cols_.at(i).as_real(); }
  std::string str(size_t i) const { return cols_.at(i).as_text(); }
  std::optional<std::string> opt_str(size_t i) const;
  std::optional<int64_t> opt_i64(size_t i) const;
  const Value& operator[](size_t i) const { return cols_.at(i); }

 private:
  std::vector<Value> cols_;
};

using Rows = std::vector<Row>;

// One connection. Not thread-safe: one thread uses it at a time (the pool sees to that).
class Conn {
 public:
  virtual ~Conn() = default;
  virtual Backend backend() const = 0;
  // Runs one statement with `?` placeholders and returns every result row.
  // Statements are prepared once per connection and cached.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one or more statements without parameters (migrations, BEGIN, ...).
  virtual void exec(std::string_view sql) = 0;
  // Rows changed by the last query.
  virtual int64_t changes() = 0;
  // Streams a SELECT's rows to `fn` without holding them all in memory.
  virtual void for_each(std::string_view sql, const Params& params,
                        const std::function<void(const Row&)>& fn) = 0;
  // Bulk-loads rows into `table`: SQLite reuses one prepared INSERT, PostgreSQL uses COPY.
  // Each row has one value per column. Runs in the caller's transaction.
  virtual void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                           const std::vector<Params>& rows) = 0;

  // Convenience: first row or nullopt.
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Convenience: the single integer the query returns (0 when no row or NULL).
  int64_t query_int(std::string_view sql, const Params& params = {});

  bool in_transaction() const { return tx_depth_ > 0; }

 protected:
  friend class Tx;
  int tx_depth_ = 0;
};

// A transaction. SQLite: BEGIN IMMEDIATE (writers queue instead of deadlocking on upgrade).
// Rolls back unless commit() was called.
class Tx {
 public:
  explicit Tx(Conn& c);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void commit();

 private:
  Conn& c_;
  bool done_ = false;
};

class Database;

// A connection borrowed from the pool; returned when destroyed.
class PooledConn {
 public:
  PooledConn(Database* db, std::unique_ptr<Conn> c) : db_(db), c_(std::move(c)) {}
  PooledConn(PooledConn&&) = default;
  ~PooledConn();
  Conn& operator*() { return *c_; }
  Conn* operator->() { return c_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Conn> c_;
};

// A pool of connections to one database: a SQLite file path or a postgresql:// URL.
// acquire() waits for a free connection up to the timeout, then throws DbError("POOL_TIMEOUT").
class Database {
 public:
  // `target` is a file path (SQLite) or starts with postgresql:// or postgres:// (PostgreSQL).
  static std::unique_ptr<Database> open(const std::string& target, int pool_size = 8);
  ~Database();

  Backend backend() const { return backend_; }
  const std::string& target() const { return target_; }
  PooledConn acquire(std::chrono::milliseconds timeout = std::chrono::seconds(30));

  // Runs fn in a transaction on a pooled connection, retrying a few times on busy or
  // serialization errors. fn must be safe to run again.
  template <typename F>
  auto with_tx(F&& fn) {
    for (int attempt = 0;; ++attempt) {
      auto c = acquire();
      try {
        Tx tx(*c);
        if constexpr (std::is_void_v<decltype(fn(*c))>) {
          fn(*c);
          tx.commit();
          return;
        } else {
          auto r = fn(*c);
          tx.commit();
          return r;
        }
      } catch (const DbError& e) {
        if (!e.retryable() || attempt >= 5) throw;
      }
    }
  }

 private:
  friend class PooledConn;
  Database(Backend b, std::string target, int size);
  std::unique_ptr<Conn> connect();
  void release(std::unique_ptr<Conn> c);

  Backend backend_;
  std::string target_;
  int size_;
  int open_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
};

// Backend constructors (in sqlite_conn.cc and pg_conn.cc).
std::unique_ptr<Conn> open_sqlite(const std::string& path);
std::unique_ptr<Conn> open_postgres(const std::string& url);

// Rewrites `?` placeholders to $1, $2, ... outside quotes and comments.
std::string to_dollar_placeholders(std::string_view sql);

// "(?, ?, ?)": n placeholders for an IN list.
std::string placeholders(size_t n);

}  // namespace gongkai::store
