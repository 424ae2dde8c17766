#include "store/db.h"

#include <charconv>
#include <cstdio>

namespace gongkai::store {

bool DbError::unique_violation() const {
  return code_ == "23505" || code_ == "SQLITE_CONSTRAINT_UNIQUE" ||
         code_ == "SQLITE_CONSTRAINT_PRIMARYKEY";
}

bool DbError::retryable() const {
  return code_ == "40001" || code_ == "40P01" || code_ == "SQLITE_BUSY" ||
         code_.rfind("SQLITE_BUSY", 0) == 0 || code_.rfind("SQLITE_LOCKED", 0) == 0;
}

int64_t Value::as_int() const {
  if (auto* i = std::get_if<int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v_)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Value::as_real() const {
  if (auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v_)) return *d;
  if (auto* s = std::get_if<std::string>(&v_)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Value::as_text() const {
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  if (auto* b = std::get_if<Blob>(&v_)) return b->bytes;
  if (auto* i = std::get_if<int64_t>(&v_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v_)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  return "";
}

const std::string* Value::stored_bytes() const {
  if (auto* s = std::get_if<std::string>(&v_)) return s;
  if (auto* b = std::get_if<Blob>(&v_)) return &b->bytes;
  return nullptr;
}

std::optional<std::string> Row::opt_str(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return str(i);
}

std::optional<int64_t> Row::opt_i64(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

std::optional<Row> Conn::query_one(std::string_view sql, const Params& params) {
  Rows r = query(sql, params);
  if (r.empty()) return std::nullopt;
  return std::move(r.front());
}

int64_t Conn::query_int(std::string_view sql, const Params& params) {
  auto r = query_one(sql, params);
  return r && r->size() > 0 ? r->i64(0) : 0;
}

Tx::Tx(Conn& c) : c_(c) {
  if (c_.tx_depth_ > 0) throw DbError("NESTED_TX", "nested transactions are not supported");
  c_.exec(c_.backend() == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  c_.tx_depth_ = 1;
}

Tx::~Tx() {
  if (!done_) {
    try {
      c_.exec("ROLLBACK");
    } catch (...) {
      // The connection may already be broken; the pool discards broken connections.
    }
    c_.tx_depth_ = 0;
  }
}

void Tx::commit() {
  c_.exec("COMMIT");
  c_.tx_depth_ = 0;
  done_ = true;
}

PooledConn::~PooledConn() {
  if (db_ && c_) db_->release(std::move(c_));
}

Database::Database(Backend b, std::string target, int size)
    : backend_(b), target_(std::move(target)), size_(size < 1 ? 1 : size) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& target, int pool_size) {
  bool pg = target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
  std::unique_ptr<Database> db(
      new Database(pg ? Backend::kPostgres : Backend::kSqlite, target, pool_size));
  db->release(db->connect());  // fail early on a bad target
  db->open_ = 1;
  return db;
}

std::unique_ptr<Conn> Database::connect() {
  return backend_ == Backend::kSqlite ? open_sqlite(target_) : open_postgres(target_);
}

PooledConn Database::acquire(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (idle_.empty() && open_ >= size_) {
    if (cv_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= size_) {
      throw DbError("POOL_TIMEOUT", "no database connection became free in time");
    }
  }
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return PooledConn(this, std::move(c));
  }
  ++open_;
  lock.unlock();
  try {
    return PooledConn(this, connect());
  } catch (...) {
    std::lock_guard g(mu_);
    --open_;
    cv_.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Conn> c) {
  std::lock_guard g(mu_);
  if (c->in_transaction()) {
    // A transaction left open by an exception path: drop the connection rather than reuse it.
    --open_;
  } else {
    idle_.push_back(std::move(c));
  }
  cv_.notify_one();
}

std::string placeholders(size_t n) {
  std::string out = "(";
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out + ")";
}

std::string to_dollar_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {
      size_t j = sql.find(ch, i + 1);
      if (j == std::string_view::npos) j = sql.size() - 1;
      out.append(sql.substr(i, j - i + 1));
      i = j;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t j = sql.find('\n', i);
      if (j == std::string_view::npos) j = sql.size() - 1;
      out.append(sql.substr(i, j - i + 1));
      i = j;
    } else if (ch == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace gongkai::store
