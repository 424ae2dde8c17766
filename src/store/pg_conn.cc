// PostgreSQL backend: libpq, text-format parameters, named prepared statements cached
// per connection, single-row mode for streaming and COPY for bulk loads.
#include <libpq-fe.h>

#include <unordered_map>

#include "store/db.h"

namespace gongkai::store {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PgConn final : public Conn {
 public:
  explicit PgConn(const std::string& url) : pg_(PQconnectdb(url.c_str())) {
    if (PQstatus(pg_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(pg_);
      PQfinish(pg_);
      throw DbError("08001", "cannot connect to PostgreSQL: " + msg);
    }
    exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }
  ~PgConn() override { PQfinish(pg_); }

  Backend backend() const override { return Backend::kPostgres; }

  Rows query(std::string_view sql, const Params& params) override {
    Result r = execute(sql, params);
    Rows rows;
    int n = PQntuples(r.get()), m = PQnfields(r.get());
    rows.reserve(n);
    for (int i = 0; i < n; ++i) rows.emplace_back(read_row(r.get(), i, m));
    return rows;
  }

  void for_each(std::string_view sql, const Params& params,
                const std::function<void(const Row&)>& fn) override {
    const std::string& name = prepare(sql, params.size());
    auto vals = texts(params);
    std::vector<const char*> ptrs = pointers(params, vals);
    if (!PQsendQueryPrepared(pg_, name.c_str(), static_cast<int>(ptrs.size()), ptrs.data(), nullptr,
                             nullptr, 0)) {
      throw DbError("08006", PQerrorMessage(pg_));
    }
    PQsetSingleRowMode(pg_);
    std::optional<DbError> error;
    while (PGresult* raw = PQgetResult(pg_)) {
      Result r(raw);
      auto st = PQresultStatus(raw);
      if (st == PGRES_SINGLE_TUPLE) {
        if (!error) {
          try {
            fn(read_row(raw, 0, PQnfields(raw)));
          } catch (...) {
            // Drain the remaining results before rethrowing so the connection stays usable.
            while (PGresult* rest = PQgetResult(pg_)) PQclear(rest);
            throw;
          }
        }
      } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !error) {
        error = make_error(raw, sql);
      }
    }
    if (error) throw *error;
  }

  void exec(std::string_view sql) override {
    Result r(PQexec(pg_, std::string(sql).c_str()));
    check(r.get(), sql);
  }

  int64_t changes() override { return changes_; }

  void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                   const std::vector<Params>& rows) override {
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    Result r(PQexec(pg_, sql.c_str()));
    if (PQresultStatus(r.get()) != PGRES_COPY_IN) check(r.get(), sql);
    std::string buf;
    buf.reserve(1 << 20);
    auto flush = [&] {
      if (!buf.empty() && PQputCopyData(pg_, buf.data(), static_cast<int>(buf.size())) != 1) {
        throw DbError("08006", PQerrorMessage(pg_));
      }
      buf.clear();
    };
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) buf += '\t';
        if (row[i].is_null()) {
          buf += "\\N";
          continue;
        }
        for (char ch : row[i].as_text()) {
          switch (ch) {
            case '\\': buf += "\\\\"; break;
            case '\t': buf += "\\t"; break;
            case '\n': buf += "\\n"; break;
            case '\r': buf += "\\r"; break;
            default: buf += ch;
          }
        }
      }
      buf += '\n';
      if (buf.size() > (1 << 20)) flush();
    }
    flush();
    if (PQputCopyEnd(pg_, nullptr) != 1) throw DbError("08006", PQerrorMessage(pg_));
    while (PGresult* raw = PQgetResult(pg_)) {
      Result res(raw);
      check(raw, sql);
    }
  }

 private:
  static DbError make_error(PGresult* r, std::string_view sql) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = r ? PQresultErrorMessage(r) : "no result";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return DbError(state ? state : "08006", msg + " [" + std::string(sql.substr(0, 200)) + "]");
  }

  void check(PGresult* r, std::string_view sql) {
    auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      throw make_error(r, sql);
    }
  }

  const std::string& prepare(std::string_view sql, size_t nparams) {
    std::string key(sql);
    auto it = stmts_.find(key);
    if (it != stmts_.end()) return it->second;
    std::string name = "s" + std::to_string(stmts_.size() + 1);
    std::string text = to_dollar_placeholders(sql);
    Result r(PQprepare(pg_, name.c_str(), text.c_str(), 0, nullptr));
    check(r.get(), sql);
    return stmts_.emplace(std::move(key), std::move(name)).first->second;
  }

  // BYTEA travels in its hex text form: \x followed by two hex digits a byte.
  static std::vector<std::string> texts(const Params& params) {
    static const char* kHex = "0123456789abcdef";
    std::vector<std::string> v;
    v.reserve(params.size());
    for (const auto& p : params) {
      if (!p.is_blob()) {
        v.push_back(p.as_text());
        continue;
      }
      std::string bytes = p.as_text(), hex = "\\x";
      hex.reserve(2 + 2 * bytes.size());
      for (unsigned char ch : bytes) {
        hex += kHex[ch >> 4];
        hex += kHex[ch & 15];
      }
      v.push_back(std::move(hex));
    }
    return v;
  }

  static std::string unhex_bytea(const char* s, size_t n) {
    auto val = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    if (n < 2 || s[0] != '\\' || s[1] != 'x') return std::string(s, n);
    out.reserve((n - 2) / 2);
    for (size_t i = 2; i + 1 < n; i += 2) out += static_cast<char>(val(s[i]) << 4 | val(s[i + 1]));
    return out;
  }

  static std::vector<const char*> pointers(const Params& params, const std::vector<std::string>& vals) {
    std::vector<const char*> ptrs(params.size());
    for (size_t i = 0; i < params.size(); ++i) ptrs[i] = params[i].is_null() ? nullptr : vals[i].c_str();
    return ptrs;
  }

  Result execute(std::string_view sql, const Params& params) {
    const std::string& name = prepare(sql, params.size());
    auto vals = texts(params);
    auto ptrs = pointers(params, vals);
    Result r(PQexecPrepared(pg_, name.c_str(), static_cast<int>(ptrs.size()), ptrs.data(), nullptr,
                            nullptr, 0));
    check(r.get(), sql);
    const char* tuples = PQcmdTuples(r.get());
    changes_ = tuples && *tuples ? std::atoll(tuples) : 0;
    return r;
  }

  static Row read_row(PGresult* r, int i, int m) {
    std::vector<Value> cols;
    cols.reserve(m);
    for (int j = 0; j < m; ++j) {
      constexpr Oid kByteaOid = 17;
      if (PQgetisnull(r, i, j)) cols.emplace_back();
      else if (PQftype(r, j) == kByteaOid) cols.emplace_back(unhex_bytea(PQgetvalue(r, i, j), static_cast<size_t>(PQgetlength(r, i, j))));
      else cols.emplace_back(std::string(PQgetvalue(r, i, j), static_cast<size_t>(PQgetlength(r, i, j))));
    }
    return Row(std::move(cols));
  }

  PGconn* pg_;
  std::unordered_map<std::string, std::string> stmts_;
  int64_t changes_ = 0;
};

}  // namespace

std::unique_ptr<Conn> open_postgres(const std::string& url) { return std::make_unique<PgConn>(url); }

}  // namespace gongkai::store
