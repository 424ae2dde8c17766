#pragma once
// Numbered schema migrations, applied in order and recorded in schema_migrations.

#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct Migration {
  int version;
  const char* name;
  // Portable SQL; {id} {bigint} {blob} are replaced per backend. A backend-specific
  // text, when set, replaces the portable one for that backend.
  const char* sql;
  const char* sqlite_only = "";
  const char* postgres_only = "";
  // Runs after the SQL in the same transaction when set (e.g. to fill a new index).
  void (*after)(Conn& c) = nullptr;
};

const std::vector<Migration>& all_migrations();

// Applies every migration not yet applied, each in its own transaction, holding a lock
// so that several nodes starting at once apply each migration once. Returns the versions
// applied now. `up_to` stops after that version (tests of a migration's data conversion).
std::vector<int> migrate(Database& db, int up_to = 1 << 30);

// The highest applied version (0 for an empty database).
int schema_version(Conn& c);

}  // namespace gongkai::store
