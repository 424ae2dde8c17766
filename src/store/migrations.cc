#include "store/migrations.h"

#include "core/clock.h"

namespace gongkai::store {
namespace {

std::string substitute(std::string sql, Backend b) {
  auto repl = [&](const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = sql.find(from, pos)) != std::string::npos; pos += to.size()) {
      sql.replace(pos, from.size(), to);
    }
  };
  bool lite = b == Backend::kSqlite;
  repl("{id}", lite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
  repl("{bigint}", lite ? "INTEGER" : "BIGINT");
  repl("{blob}", lite ? "BLOB" : "BYTEA");
  return sql;
}

}  // namespace

int schema_version(Conn& c) {
  c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  return static_cast<int>(c.query_int("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
}

std::vector<int> migrate(Database& db, int up_to) {
  std::vector<int> applied;
  auto c = db.acquire();
  schema_version(*c);
  for (const Migration& m : all_migrations()) {
    if (m.version > up_to) break;
    Tx tx(*c);
    if (c->backend() == Backend::kPostgres) c->exec("SELECT pg_advisory_xact_lock(7271001)");
    if (c->query_int("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", {m.version}) > 0) {
      tx.commit();
      continue;
    }
    c->exec(substitute(m.sql, c->backend()));
    const char* extra = c->backend() == Backend::kSqlite ? m.sqlite_only : m.postgres_only;
    if (extra && *extra) c->exec(substitute(extra, c->backend()));
    if (m.after) m.after(*c);
    c->query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {m.version, m.name, core::now_iso()});
    tx.commit();
    applied.push_back(m.version);
  }
  return applied;
}

}  // namespace gongkai::store
